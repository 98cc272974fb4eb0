package dev.kumo.bench;

import dev.kumo.driver.qemu.QemuSettings;
import dev.kumo.driver.qemu.QemuVirtDriver;
import dev.kumo.spi.compute.ConfigDriveSource;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.SpawnRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The QEMU driver's overhead: time from {@code spawn()} to the guest's "Starting dropbear sshd: OK" console line,
 * against a bare {@code qemu-system-x86_64} boot of the same built-in image with the same flags (TCG, 64 MiB
 * translation cache, 256 MiB, config drive), alternating, and the RSS of each QEMU once sshd is up. Run as root
 * with {@code bench/run --qemu [ROUNDS]}; the image is built (or found) in {@code bench/target/guest-cache}.
 */
public final class QemuBench {
    private static final String SSHD = "Starting dropbear sshd: OK";
    private static final Duration BOOT_LIMIT = Duration.ofSeconds(120);

    private QemuBench() {}

    public static void main(String[] args) throws Exception {
        Path builder = Path.of(args[0]);
        Path cache = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Files.createTempDirectory(Path.of("/tmp"), "kqb");
        try {
            Path image = buildImage(builder, cache);
            System.out.printf("kumo QEMU driver benchmark   %s%n%s%nimage %s, %d rounds, TCG%n", java.time.Instant.now(),
                    Machine.describe(Path.of(System.getProperty("java.home"))), image.getFileName(), rounds);
            List<Double> bare = new ArrayList<>();
            List<Double> driver = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                bare.add(bareBoot(image, work.resolve("bare-" + i)));
                driver.add(driverBoot(image, work.resolve("state-" + i)));
            }
            double b = median(bare);
            double d = median(driver);
            System.out.printf("bare QEMU   launch -> sshd: median %.2f s %s%n", b, bare);
            System.out.printf("QEMU driver spawn -> sshd:  median %.2f s %s%n", d, driver);
            System.out.printf("driver overhead: %.2f s (%.0f %% of the bare boot; target <= 20 %%)%n", d - b, 100 * (d - b) / b);
        } finally {
            deleteTree(work);
        }
    }

    private static double bareBoot(Path image, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path overlay = dir.resolve("disk.qcow2");
        run("qemu-img", "create", "-q", "-f", "qcow2", "-b", image.toString(), "-F", "qcow2", overlay.toString());
        Path iso = configDrive(dir, UUID.randomUUID().toString());
        Path log = dir.resolve("console.log");
        long started = System.nanoTime();
        run("qemu-system-x86_64", "-nodefaults", "-machine", "pc", "-accel", "tcg,tb-size=64", "-smp", "1", "-m", "256",
                "-drive", "file=" + overlay + ",if=virtio,format=qcow2",
                "-drive", "file=" + iso + ",if=ide,media=cdrom,format=raw,readonly=on",
                "-serial", "file:" + log, "-display", "none", "-daemonize", "-pidfile", dir.resolve("qemu.pid").toString());
        long pid = Long.parseLong(Files.readString(dir.resolve("qemu.pid")).strip());
        try {
            double seconds = awaitSshd(log, started);
            System.out.printf("  bare   %.2f s, QEMU RSS %d MiB%n", seconds, rssMib(pid));
            return seconds;
        } finally {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static double driverBoot(Path image, Path stateDir) throws Exception {
        ConfigDriveSource drive = id -> Map.of("openstack/latest/meta_data.json", metaData(id));
        var settings = QemuSettings.defaults(stateDir, "bench", null);
        var driver = new QemuVirtDriver(settings, drive);
        var ref = new InstanceRef(UUID.randomUUID().toString(), "bench");
        var request = new SpawnRequest(ref, "bench", new SpawnRequest.FlavorSpec(1, 256, 0, 0, Map.of()),
                new SpawnRequest.ImageSpec("builtin", "qcow2", image.toString()), List.of(), Map.of(), null, null, true);
        long started = System.nanoTime();
        driver.spawn(request);
        double spawned = (System.nanoTime() - started) / 1e9;
        try {
            Path log = stateDir.resolve("instances").resolve(ref.id()).resolve("console.log");
            double seconds = awaitSshd(log, started);
            long pid = Long.parseLong(Files.readString(log.resolveSibling("qemu.pid")).strip());
            System.out.printf("  driver %.2f s (spawn() returned after %.2f s), QEMU RSS %d MiB%n", seconds, spawned, rssMib(pid));
            return seconds;
        } finally {
            driver.destroy(ref);
        }
    }

    private static byte[] metaData(String id) {
        return ("{\"uuid\": \"" + id + "\", \"name\": \"bench\", \"hostname\": \"bench\", \"public_keys\": {}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Path configDrive(Path dir, String id) throws Exception {
        Path tree = dir.resolve("cd");
        Files.createDirectories(tree.resolve("openstack/latest"));
        Files.write(tree.resolve("openstack/latest/meta_data.json"), metaData(id));
        Path iso = dir.resolve("config.iso");
        run("genisoimage", "-quiet", "-o", iso.toString(), "-V", "config-2", "-R", "-J", tree.toString());
        return iso;
    }

    private static double awaitSshd(Path log, long startedNanos) throws Exception {
        long deadline = startedNanos + BOOT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(SSHD)) {
                return (System.nanoTime() - startedNanos) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no \"" + SSHD + "\" on the console within " + BOOT_LIMIT.toSeconds() + " s");
    }

    private static long rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static Path buildImage(Path builder, Path cache) throws Exception {
        String output = run(builder.toString(), cache.toString());
        String[] lines = output.strip().split("\n");
        return Path.of(lines[lines.length - 1].strip());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
