package dev.kumo.driver.qemu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.compute.VirtDriverContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The virt-driver contract against real QEMU processes booting the built-in image (no NICs, so no root
 * needed). Guests need not finish booting: a guest that ignores ACPI this early is stopped hard after 3 s.
 */
@Tag("dataplane")
class QemuVirtDriverContractTest extends VirtDriverContract {
    private Path stateDir;
    private Path image;
    private QemuVirtDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(HostCommand.run(Duration.ofSeconds(5), "qemu-system-x86_64", "--version").succeeded(),
                "qemu-system-x86_64 is not installed");
        stateDir = Files.createTempDirectory(Path.of("/tmp"), "kqc");
        image = TestGuestImage.ensure();
        var settings = new QemuSettings(stateDir, "kq-contract", "pc", 64, Duration.ofSeconds(3), null,
                Duration.ofSeconds(1), 1 << 20, stateDir.resolve("no-kvm"));
        driver = new QemuVirtDriver(settings, id -> Map.of());
    }

    @AfterEach
    void tearDown() {
        if (stateDir == null) {
            return;
        }
        for (QemuProcesses.Owned guest : QemuProcesses.under(stateDir.resolve("instances"))) {
            ProcessHandle.of(guest.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        ConfigDrives.deleteTree(stateDir);
    }

    @Override
    protected VirtDriver driver() {
        return driver;
    }

    @Override
    protected String host() {
        return "kq-contract";
    }

    @Override
    protected SpawnRequest.ImageSpec image() {
        return new SpawnRequest.ImageSpec("img-builtin", "qcow2", image.toString());
    }
}
