package dev.kumo.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.compute.ConfigDriveSource;
import dev.kumo.spi.compute.InstanceInfo;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.PowerState;
import dev.kumo.spi.compute.RebootType;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.network.DeviceNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The driver against a real QEMU under TCG with the built-in guest image: boot with a config drive and one NIC
 * on a test bridge, the whole power lifecycle, a new driver on the same state dir (a kumo restart) finding the
 * same QEMU process, and destroy leaving nothing. Needs root (taps), QEMU, qemu-img and genisoimage.
 */
@Tag("dataplane")
class QemuVirtDriverDataplaneTest {
    private static final String HOST = "kq-host";
    private static final Duration BOOT = Duration.ofSeconds(90);

    private Path tempRoot;
    private Path stateDir;
    private String bridge;
    private String tap;
    private QemuSettings settings;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("0".equals(HostCommand.run(Duration.ofSeconds(5), "id", "-u").output().strip()),
                "real-VM tests create taps and bridges: run them as root");
        for (String tool : List.of("qemu-system-x86_64", "qemu-img", "genisoimage", "ip")) {
            assumeTrue(HostCommand.run(Duration.ofSeconds(5), "sh", "-c", "command -v " + tool).succeeded(),
                    tool + " is not installed");
        }
        // deep on purpose, as in a CI clone: the sockets no longer fit beside the disk and must move to /run
        tempRoot = Files.createTempDirectory(Path.of("/tmp"), "kq");
        stateDir = tempRoot.resolve("a-state-directory-nested-as-deep-as-a-ci-workspace-clone/state");
        Files.createDirectories(stateDir);
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        bridge = "kqtbr" + suffix;
        HostCommand.run(Duration.ofSeconds(10), "ip", "link", "add", bridge, "type", "bridge").orThrow("to add the test bridge");
        Path image = TestGuestImage.ensure();
        // the probe boots the same image; CI hosts with a working KVM may use it, this one falls back to TCG
        settings = new QemuSettings(stateDir, HOST, "pc", 64, Duration.ofSeconds(30), image, Duration.ofSeconds(4),
                1 << 20, Path.of("/dev/kvm"));
    }

    @AfterEach
    void tearDown() {
        if (stateDir == null) {
            return;
        }
        // whatever a failed test left: stop QEMU by the pids this state dir owns, never by name
        for (QemuProcesses.Owned guest : QemuProcesses.under(stateDir.resolve("instances"))) {
            ProcessHandle.of(guest.pid()).ifPresent(ProcessHandle::destroyForcibly);
            ConfigDrives.deleteTree(InstanceFiles.of(stateDir.resolve("instances"), guest.instanceId()).socketDir());
        }
        if (tap != null) {
            HostCommand.run(Duration.ofSeconds(10), "ip", "link", "del", tap);
        }
        if (bridge != null) {
            HostCommand.run(Duration.ofSeconds(10), "ip", "link", "del", bridge);
        }
        ConfigDrives.deleteTree(tempRoot);
    }

    @Test
    void bootsPowersCyclesSurvivesARestartAndLeavesNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        String portId = UUID.randomUUID().toString();
        tap = DeviceNames.tap(portId);
        ConfigDriveSource drive = instance -> Map.of("openstack/latest/meta_data.json",
                ("{\"uuid\": \"" + instance + "\", \"name\": \"kq\", \"hostname\": \"kq-guest\", \"public_keys\": {}}")
                        .getBytes(StandardCharsets.UTF_8));
        var driver = new QemuVirtDriver(settings, drive);
        System.out.println("accelerator: " + driver.probe().reason());
        assertThat(driver.probe().operational()).isTrue();
        assertThat(driver.hosts()).singleElement().satisfies(h -> {
            assertThat(h.hypervisorType()).isEqualTo("QEMU");
            assertThat(h.features()).contains(driver.accelerator());
        });

        var ref = new InstanceRef(id, HOST);
        long started = System.nanoTime();
        InstanceInfo info = driver.spawn(request(ref, image(), portId));
        assertThat(info.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(info.memoryMb()).isEqualTo(256);
        // the driver created the missing tap; the network driver would enslave it to the network's bridge
        assertThat(HostCommand.run(Duration.ofSeconds(5), "ip", "link", "show", tap).output()).contains("UP");
        HostCommand.run(Duration.ofSeconds(5), "ip", "link", "set", tap, "master", bridge).orThrow("to enslave the tap");
        long pid = pid(id);
        assertThat(QemuProcesses.cmdline(pid)).contains("tb-size=64", "ifname=" + tap, "config-drive.iso");

        awaitConsole(driver, ref, "found datasource (configdrive, local)", 1);
        awaitConsole(driver, ref, "login:", 1);
        System.out.printf("spawn -> login prompt: %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(driver.consoleOutput(ref, 5).split("\n", -1)).hasSizeLessThanOrEqualTo(5);

        driver.powerOff(ref);
        assertThat(driver.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.SHUTDOWN);
        assertThat(QemuProcesses.alive(pid)).isFalse();
        assertThat(driver.consoleOutput(ref, 0)).contains("reboot: Power down");

        driver.powerOn(ref);
        assertThat(driver.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.RUNNING);
        awaitConsole(driver, ref, "login:", 2);

        driver.reboot(ref, RebootType.SOFT);
        awaitConsole(driver, ref, "login:", 3);
        driver.reboot(ref, RebootType.HARD);
        awaitConsole(driver, ref, "login:", 4);

        driver.pause(ref);
        assertThat(driver.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.PAUSED);
        driver.unpause(ref);
        assertThat(driver.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.RUNNING);

        // a snapshot of the running guest is a standalone qcow2 that boots as a new instance
        Path snapshot = stateDir.resolve("snapshot.qcow2");
        driver.snapshot(ref, snapshot);
        assertThat(driver.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.RUNNING);
        assertThat(HostCommand.run(Duration.ofSeconds(10), "qemu-img", "info", snapshot.toString()).output())
                .contains("file format: qcow2").doesNotContain("backing file");
        var copy = new InstanceRef(UUID.randomUUID().toString(), HOST);
        driver.spawn(new SpawnRequest(copy, "kq-copy", new SpawnRequest.FlavorSpec(1, 256, 0, 0, Map.of()),
                new SpawnRequest.ImageSpec("img-snapshot", "qcow2", snapshot.toString()), List.of(), Map.of(), null,
                null, true));
        awaitConsole(driver, copy, "login:", 1);
        driver.destroy(copy);
        assertThat(driver.listInstances(HOST)).extracting(InstanceInfo::id).containsExactly(id);

        driver.suspend(ref);
        assertThat(driver.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.SUSPENDED);
        driver.resume(ref);
        assertThat(driver.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.RUNNING);

        // a kumo restart: a new driver on the same state dir finds the same process, running
        long before = pid(id);
        var restarted = new QemuVirtDriver(settings, drive);
        assertThat(pid(id)).isEqualTo(before);
        assertThat(restarted.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.RUNNING);
        assertThat(restarted.listInstances(HOST)).extracting(InstanceInfo::id).containsExactly(id);
        restarted.pause(ref);
        assertThat(restarted.info(ref)).get().extracting(InstanceInfo::powerState).isEqualTo(PowerState.PAUSED);

        InstanceFiles files = InstanceFiles.of(stateDir.resolve("instances"), id);
        assertThat(files.socketDir()).as("sockets moved out of the deep state dir").startsWith(Path.of("/run/kumo"));
        assertThat(files.qmpSocket()).exists();
        restarted.destroy(ref);
        assertThat(QemuProcesses.alive(before)).isFalse();
        assertThat(stateDir.resolve("instances").resolve(id)).doesNotExist();
        assertThat(files.socketDir()).doesNotExist();
        assertThat(restarted.info(ref)).isEmpty();
        assertThat(restarted.listInstances(HOST)).isEmpty();
        restarted.destroy(ref); // idempotent
    }

    @Test
    void aKernelAndRamdiskImageBootsDirectly() throws Exception {
        for (String tool : List.of("mcopy")) {
            assumeTrue(HostCommand.run(Duration.ofSeconds(5), "sh", "-c", "command -v " + tool).succeeded(),
                    tool + " is not installed");
        }
        // the built-in image's kernel and initramfs, taken out of its FAT boot partition (1 MiB into the disk)
        Path raw = stateDir.resolve("builtin.raw");
        HostCommand.run(Duration.ofSeconds(60), "qemu-img", "convert", "-O", "raw", image().toString(), raw.toString())
                .orThrow("to convert the image");
        Path kernel = stateDir.resolve("vmlinuz");
        Path ramdisk = stateDir.resolve("initrd.gz");
        for (Path file : List.of(kernel, ramdisk)) {
            HostCommand.run(Duration.ofSeconds(30), "mcopy", "-i", raw + "@@1M", "::/" + file.getFileName(), file.toString())
                    .orThrow("to extract " + file.getFileName());
        }
        Path root = stateDir.resolve("root.ami");
        Files.write(root, new byte[1 << 20]);
        var driver = new QemuVirtDriver(settings, id -> Map.of());
        var ref = new InstanceRef(UUID.randomUUID().toString(), HOST);
        var image = new SpawnRequest.ImageSpec("img-ami", "ami", root.toString(), kernel.toString(), ramdisk.toString(),
                "console=ttyS0 quiet mitigations=off tsc=reliable no_timer_check");

        driver.spawn(new SpawnRequest(ref, "kq-kernel", new SpawnRequest.FlavorSpec(1, 256, 0, 0, Map.of()), image,
                List.of(), Map.of(), null, null, false));

        assertThat(QemuProcesses.cmdline(pid(ref.id()))).contains("-kernel", "-initrd", "no_timer_check");
        awaitConsole(driver, ref, "login:", 1);
        driver.destroy(ref);
        assertThat(stateDir.resolve("instances").resolve(ref.id())).doesNotExist();
    }

    private Path image() {
        return settings.probeImage();
    }

    private static SpawnRequest request(InstanceRef ref, Path image, String portId) {
        var flavor = new SpawnRequest.FlavorSpec(1, 256, 1, 0, Map.of());
        var nic = new SpawnRequest.NicSpec(portId, "net-1", "fa:16:3e:00:00:42", List.of("10.0.0.42"));
        return new SpawnRequest(ref, "kq", flavor, new SpawnRequest.ImageSpec("img-builtin", "qcow2", image.toString()),
                List.of(nic), Map.of(), null, null, true);
    }

    private long pid(String id) {
        OptionalLong pid = QemuProcesses.running(InstanceFiles.of(stateDir.resolve("instances"), id));
        assertThat(pid).as("QEMU of " + id + " runs").isPresent();
        return pid.getAsLong();
    }

    private static void awaitConsole(QemuVirtDriver driver, InstanceRef ref, String text, int times) throws Exception {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (true) {
            String console = driver.consoleOutput(ref, 0);
            if (count(console, text) >= times) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console did not show \"" + text + "\" " + times + " times within "
                        + BOOT.toSeconds() + " s; it ends with:\n" + console.substring(Math.max(0, console.length() - 3000)));
            }
            Thread.sleep(200);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
