package dev.kumo.server.metadata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's cloud-init, for tests that let it judge kumo's metadata. It is not installed (installing it would change
 * the host's boot), so its package is downloaded with {@code apt-get download} and unpacked under target/ once,
 * with configobj, which it imports and Debian's python lacks. Tests are skipped, saying why, when that fails.
 */
final class CloudInitPackage {
    static final Path SYSTEM = Path.of("/usr/lib/python3/dist-packages");
    static final Path EXTRACTED = Path.of("target/cloud-init");

    record Result(int exit, String output) {}

    private CloudInitPackage() {}

    /** The site-packages directory holding {@code cloudinit}, or the test is skipped. */
    static Path sitePackages() throws Exception {
        assumeTrue(run(List.of("python3", "--version"), Path.of(".")).exit() == 0, "python3 is not installed");
        if (Files.isDirectory(SYSTEM.resolve("cloudinit"))
                && run(List.of("python3", "-c", "import configobj"), Path.of(".")).exit() == 0) {
            return SYSTEM;
        }
        Path extracted = EXTRACTED.resolve("usr/lib/python3/dist-packages");
        if (!Files.isDirectory(extracted.resolve("cloudinit")) || !Files.isDirectory(extracted.resolve("configobj"))) {
            extract();
        }
        assumeTrue(Files.isDirectory(extracted.resolve("cloudinit")), "cloud-init could not be downloaded and unpacked");
        return extracted.toAbsolutePath();
    }

    private static void extract() throws Exception {
        Path debs = EXTRACTED.resolveSibling("cloud-init-debs");
        Files.createDirectories(debs);
        var download = run(List.of("apt-get", "download", "cloud-init", "python3-configobj"), debs);
        assumeTrue(download.exit() == 0, "apt-get download cloud-init failed: " + download.output());
        try (var list = Files.list(debs)) {
            for (Path deb : list.filter(p -> p.toString().endsWith(".deb")).toList()) {
                var unpack = run(List.of("dpkg-deb", "-x", deb.toString(), EXTRACTED.toString()), Path.of("."));
                assumeTrue(unpack.exit() == 0, "dpkg-deb -x " + deb + " failed: " + unpack.output());
            }
        }
    }

    /** Copies a script from the test resources to {@code target} and returns it. */
    static Path script(String resource, Path target) throws IOException {
        try (InputStream in = CloudInitPackage.class.getResourceAsStream(resource)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(124, "timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
