package dev.kumo.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.compute.ConfigDriveSource;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.network.DeviceNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Interface hot-plug on a real guest under TCG: the built-in image boots with one NIC and runs a user-data
 * script that prints its network interfaces on the console whenever they change; attach makes an eth1 appear,
 * detach makes it go, and the launch record follows. Needs root (taps), QEMU, qemu-img and genisoimage.
 */
@Tag("dataplane")
class QemuHotPlugDataplaneTest {
    private static final String HOST = "kq-host";
    private static final Duration BOOT = Duration.ofSeconds(120);
    private static final String WATCH_NICS = """
            #!/bin/sh
            ( last=; while :; do n=$(ls /sys/class/net | tr '\\n' ' '); \
            [ "$n" != "$last" ] && echo "kq-nics: $n" && last=$n; sleep 1; done ) > /dev/console 2>&1 &
            """;

    private Path stateDir;
    private final List<String> taps = new java.util.ArrayList<>();
    private QemuSettings settings;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("0".equals(HostCommand.run(Duration.ofSeconds(5), "id", "-u").output().strip()),
                "real-VM tests create taps: run them as root");
        for (String tool : List.of("qemu-system-x86_64", "qemu-img", "genisoimage", "ip")) {
            assumeTrue(HostCommand.run(Duration.ofSeconds(5), "sh", "-c", "command -v " + tool).succeeded(),
                    tool + " is not installed");
        }
        stateDir = Files.createTempDirectory(Path.of("/tmp"), "kh");
        settings = new QemuSettings(stateDir, HOST, "pc", 64, Duration.ofSeconds(30), TestGuestImage.ensure(),
                Duration.ofSeconds(4), 1 << 20, Path.of("/dev/kvm"));
    }

    @AfterEach
    void tearDown() {
        if (stateDir == null) {
            return;
        }
        for (QemuProcesses.Owned guest : QemuProcesses.under(stateDir.resolve("instances"))) {
            ProcessHandle.of(guest.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (String tap : taps) {
            HostCommand.run(Duration.ofSeconds(10), "ip", "link", "del", tap);
        }
        ConfigDrives.deleteTree(stateDir);
    }

    @Test
    void theGuestSeesAnAttachedNicAndLosesADetachedOne() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        taps.add(DeviceNames.tap(first));
        taps.add(DeviceNames.tap(second));
        ConfigDriveSource drive = instance -> Map.of(
                "openstack/latest/meta_data.json", ("{\"uuid\": \"" + instance + "\", \"name\": \"kh\", "
                        + "\"hostname\": \"kh-guest\", \"public_keys\": {}}").getBytes(StandardCharsets.UTF_8),
                "openstack/latest/user_data", WATCH_NICS.getBytes(StandardCharsets.UTF_8));
        var driver = new QemuVirtDriver(settings, drive);
        var ref = new InstanceRef(UUID.randomUUID().toString(), HOST);
        var flavor = new SpawnRequest.FlavorSpec(1, 256, 1, 0, Map.of());
        driver.spawn(new SpawnRequest(ref, "kh", flavor, new SpawnRequest.ImageSpec("img-builtin", "qcow2",
                settings.probeImage().toString()), List.of(nic(first, "fa:16:3e:00:00:51")), Map.of(), null, null, true));
        try {
            awaitConsole(driver, ref, "kq-nics: eth0 lo ", 1);
            InstanceFiles files = InstanceFiles.of(stateDir.resolve("instances"), ref.id());
            var control = new GuestControl(settings);

            long started = System.nanoTime();
            driver.attachInterface(ref, nic(second, "fa:16:3e:00:00:52"));
            awaitConsole(driver, ref, "kq-nics: eth0 eth1 lo ", 1);
            System.out.printf("attach -> guest sees eth1: %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(HotPlugs.present(control, files, QemuCommandLine.deviceId(DeviceNames.tap(second)))).isTrue();
            assertThat(control.readLaunch(files).nics()).extracting(QemuLaunch.Nic::mac)
                    .containsExactly("fa:16:3e:00:00:51", "fa:16:3e:00:00:52");
            driver.attachInterface(ref, nic(second, "fa:16:3e:00:00:52")); // idempotent
            assertThat(control.readLaunch(files).nics()).hasSize(2);

            started = System.nanoTime();
            driver.detachInterface(ref, second);
            awaitConsole(driver, ref, "kq-nics: eth0 lo ", 2);
            System.out.printf("detach -> guest lost eth1: %.1f s%n", (System.nanoTime() - started) / 1e9);
            assertThat(HotPlugs.present(control, files, QemuCommandLine.deviceId(DeviceNames.tap(second)))).isFalse();
            assertThat(control.readLaunch(files).nics()).extracting(QemuLaunch.Nic::mac).containsExactly("fa:16:3e:00:00:51");
            driver.detachInterface(ref, second); // idempotent
        } finally {
            driver.destroy(ref);
        }
    }

    private static SpawnRequest.NicSpec nic(String portId, String mac) {
        return new SpawnRequest.NicSpec(portId, "net-1", mac, List.of());
    }

    private static void awaitConsole(QemuVirtDriver driver, InstanceRef ref, String text, int times) throws Exception {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (true) {
            String console = driver.consoleOutput(ref, 0);
            int n = 0;
            for (int at = console.indexOf(text); at >= 0; at = console.indexOf(text, at + text.length())) {
                n++;
            }
            if (n >= times) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console did not show \"" + text + "\" " + times + " times within "
                        + BOOT.toSeconds() + " s; it ends with:\n" + console.substring(Math.max(0, console.length() - 3000)));
            }
            Thread.sleep(200);
        }
    }
}
