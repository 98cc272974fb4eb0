package dev.kumo.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.PowerState;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.compute.VirtDriverException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver's contract where no guest has to boot: failures leave nothing, unknown instances, the probe. */
class QemuVirtDriverTest {
    private static final String HOST = "kq-unit";
    private static final String ID = "5d0c1e2f-3a4b-4c5d-8e9f-0a1b2c3d4e5f";

    private Path stateDir;

    @BeforeEach
    void setUp() throws Exception {
        stateDir = Files.createTempDirectory(Path.of("/tmp"), "kqu");
    }

    @AfterEach
    void tearDown() {
        for (QemuProcesses.Owned guest : QemuProcesses.under(stateDir.resolve("instances"))) {
            ProcessHandle.of(guest.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        ConfigDrives.deleteTree(stateDir);
    }

    private QemuVirtDriver driver(String machine) {
        var settings = new QemuSettings(stateDir, HOST, machine, 64, Duration.ofSeconds(5), null, Duration.ofSeconds(1),
                1 << 20, stateDir.resolve("no-kvm"));
        return new QemuVirtDriver(settings, id -> Map.of());
    }

    private static SpawnRequest request(String host, SpawnRequest.ImageSpec image, boolean configDrive) {
        return new SpawnRequest(new InstanceRef(ID, host), "vm", new SpawnRequest.FlavorSpec(1, 128, 0, 0, Map.of()),
                image, List.of(), Map.of(), null, null, configDrive);
    }

    private Path rawImage() throws Exception {
        Path image = stateDir.resolve("image.raw");
        Files.write(image, new byte[1 << 20]);
        return image;
    }

    private void assumeQemu() {
        assumeTrue(HostCommand.run(Duration.ofSeconds(5), "qemu-img", "--version").succeeded(), "qemu-img is not installed");
        assumeTrue(HostCommand.run(Duration.ofSeconds(5), "qemu-system-x86_64", "--version").succeeded(),
                "qemu-system-x86_64 is not installed");
    }

    @Test
    void withoutAUsableKvmDeviceGuestsRunUnderTcgAndStatusSaysWhy() {
        assumeQemu();
        var driver = driver("pc");

        assertThat(driver.accelerator()).isEqualTo("tcg");
        assertThat(driver.probe().operational()).isTrue();
        assertThat(driver.probe().reason()).contains("TCG: " + stateDir.resolve("no-kvm") + " is missing");
        assertThat(driver.hosts()).singleElement().satisfies(h -> {
            assertThat(h.host()).isEqualTo(HOST);
            assertThat(h.hypervisorType()).isEqualTo("QEMU");
            assertThat(h.features()).contains("tcg");
            assertThat(h.vcpus()).isPositive();
            assertThat(h.memoryMb()).isPositive();
        });
    }

    @Test
    void aSpawnWhoseQemuCannotStartLeavesNoFolderAndNoProcess() throws Exception {
        assumeQemu();
        var driver = driver("no-such-machine");

        assertThatThrownBy(() -> driver.spawn(request(HOST, new SpawnRequest.ImageSpec("img-1", "raw", rawImage().toString()), false)))
                .isInstanceOf(VirtDriverException.class)
                .hasMessageContaining("Failed to start QEMU for instance " + ID).hasMessageContaining("no-such-machine");
        assertThat(stateDir.resolve("instances").resolve(ID)).doesNotExist();
        assertThat(QemuProcesses.under(stateDir.resolve("instances"))).isEmpty();
        assertThat(driver.info(new InstanceRef(ID, HOST))).isEmpty();
    }

    @Test
    void aSpawnWithoutImageDataOrWithAnUnbootableFormatOrNoConfigDriveDataLeavesNothing() throws Exception {
        assumeQemu();
        var driver = driver("pc");
        String raw = rawImage().toString();

        assertThatThrownBy(() -> driver.spawn(request(HOST, new SpawnRequest.ImageSpec("img-1", "qcow2", null), false)))
                .hasMessage("Failed to spawn instance " + ID + ": image img-1 has no data on this host");
        assertThatThrownBy(() -> driver.spawn(request(HOST, new SpawnRequest.ImageSpec("img-1", "vmdk", raw), false)))
                .hasMessageContaining("disk format vmdk is not bootable");
        assertThatThrownBy(() -> driver.spawn(request(HOST, new SpawnRequest.ImageSpec("img-1", "raw", raw), true)))
                .hasMessageContaining("the metadata service has no data for it");
        assertThat(stateDir.resolve("instances").resolve(ID)).doesNotExist();
    }

    @Test
    void aSpawnOnAnotherHostIsRefused() {
        assumeQemu();
        var driver = driver("pc");

        assertThatThrownBy(() -> driver.spawn(request("elsewhere", new SpawnRequest.ImageSpec("i", "raw", "/x"), false)))
                .hasMessageContaining("no host elsewhere");
    }

    @Test
    void unknownInstancesAreEmptyToQueriesQuietToDestroyAndAnErrorToActions() throws Exception {
        assumeQemu();
        var driver = driver("pc");
        var ref = new InstanceRef(ID, HOST);

        assertThat(driver.info(ref)).isEmpty();
        assertThat(driver.listInstances(HOST)).isEmpty();
        driver.destroy(ref);
        driver.destroy(new InstanceRef("../../etc", HOST));
        assertThatThrownBy(() -> driver.powerOff(ref)).isInstanceOf(VirtDriverException.class)
                .hasMessageContaining("no such instance");
        assertThatThrownBy(() -> driver.consoleOutput(ref, 10)).isInstanceOf(VirtDriverException.class);
    }

    @Test
    void qmpStatusesMapToNovaPowerStates() {
        assertThat(GuestControl.fromQmp("running")).isEqualTo(PowerState.RUNNING);
        assertThat(GuestControl.fromQmp("paused")).isEqualTo(PowerState.PAUSED);
        assertThat(GuestControl.fromQmp("inmigrate")).isEqualTo(PowerState.PAUSED);
        assertThat(GuestControl.fromQmp("shutdown")).isEqualTo(PowerState.SHUTDOWN);
        assertThat(GuestControl.fromQmp("guest-panicked")).isEqualTo(PowerState.CRASHED);
    }
}
