package dev.kumo.spi.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link VirtDriver} contract as tests: every virt driver's test class extends this and supplies the
 * driver, a host it places guests on and an image it can boot; {@link #hasBehavior} switches off what a driver
 * does not offer. Each test spawns its own instances (random ids) and destroys them.
 */
public abstract class VirtDriverContract {
    /** What a driver may or may not offer. */
    protected enum Behavior { SUSPEND, SNAPSHOT, RESIZE }

    private final List<InstanceRef> spawned = new ArrayList<>();

    @TempDir
    Path tempDir;

    /** The driver under test; the same instance for every call of one test. */
    protected abstract VirtDriver driver();

    /** A host of {@link #driver()}'s. */
    protected abstract String host();

    /** An image the driver can boot. */
    protected abstract SpawnRequest.ImageSpec image();

    protected boolean hasBehavior(Behavior behavior) {
        return true;
    }

    @AfterEach
    void destroySpawned() throws VirtDriverException {
        for (InstanceRef ref : spawned) {
            driver().destroy(ref);
        }
    }

    protected InstanceRef spawnOne() throws VirtDriverException {
        var ref = new InstanceRef(UUID.randomUUID().toString(), host());
        spawned.add(ref);
        InstanceInfo info = driver().spawn(request(ref));
        assertThat(info.id()).isEqualTo(ref.id());
        return ref;
    }

    protected SpawnRequest request(InstanceRef ref) {
        return new SpawnRequest(ref, "contract", new SpawnRequest.FlavorSpec(1, 128, 0, 0, Map.of()), image(), List.of(),
                Map.of(), null, null, false);
    }

    private PowerState power(InstanceRef ref) {
        return driver().info(ref).map(InstanceInfo::powerState).orElse(PowerState.NOSTATE);
    }

    @Test
    void probeSaysWhetherItCanWorkAndWhy() {
        DriverStatus status = driver().probe();
        assertThat(status.operational()).as(status.reason()).isTrue();
        assertThat(status.reason()).isNotBlank();
    }

    @Test
    void hostsReportTheirResources() {
        assertThat(driver().hosts()).isNotEmpty().anySatisfy(h -> {
            assertThat(h.host()).isEqualTo(host());
            assertThat(h.vcpus()).isPositive();
            assertThat(h.memoryMb()).isPositive();
            assertThat(h.hypervisorType()).isNotBlank();
        });
    }

    @Test
    void spawnRunsTheGuestAndIsIdempotent() throws VirtDriverException {
        InstanceRef ref = spawnOne();

        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
        assertThat(driver().spawn(request(ref)).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(driver().info(ref)).get().satisfies(i -> {
            assertThat(i.vcpus()).isEqualTo(1);
            assertThat(i.memoryMb()).isEqualTo(128);
        });
        assertThat(driver().listInstances(host())).extracting(InstanceInfo::id).contains(ref.id());
    }

    @Test
    void aSpawnOnAnUnknownHostFailsAndLeavesNothing() {
        var ref = new InstanceRef(UUID.randomUUID().toString(), "no-such-host");

        assertThatThrownBy(() -> driver().spawn(request(ref))).isInstanceOf(VirtDriverException.class)
                .hasMessageStartingWith("Failed");
        assertThat(driver().info(ref)).isEmpty();
        assertThat(driver().listInstances(host())).extracting(InstanceInfo::id).doesNotContain(ref.id());
    }

    @Test
    void destroyRemovesTheGuestAndIsIdempotent() throws VirtDriverException {
        InstanceRef ref = spawnOne();

        driver().destroy(ref);
        driver().destroy(ref);

        assertThat(driver().info(ref)).isEmpty();
        assertThat(driver().listInstances(host())).extracting(InstanceInfo::id).doesNotContain(ref.id());
    }

    @Test
    void powerOffAndOnAreIdempotent() throws VirtDriverException {
        InstanceRef ref = spawnOne();

        driver().powerOff(ref);
        driver().powerOff(ref);
        assertThat(power(ref)).isEqualTo(PowerState.SHUTDOWN);
        driver().powerOn(ref);
        driver().powerOn(ref);
        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void pauseAndUnpause() throws VirtDriverException {
        InstanceRef ref = spawnOne();

        driver().pause(ref);
        assertThat(power(ref)).isEqualTo(PowerState.PAUSED);
        driver().unpause(ref);
        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void suspendAndResume() throws VirtDriverException {
        assumeTrue(hasBehavior(Behavior.SUSPEND), "the driver cannot suspend");
        InstanceRef ref = spawnOne();

        driver().suspend(ref);
        assertThat(power(ref)).isEqualTo(PowerState.SUSPENDED);
        driver().resume(ref);
        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void everyRebootEndsRunning() throws VirtDriverException {
        InstanceRef ref = spawnOne();

        driver().reboot(ref, RebootType.HARD);
        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
        driver().reboot(ref, RebootType.SOFT);
        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void consoleOutputIsBoundedByLines() throws VirtDriverException {
        InstanceRef ref = spawnOne();

        assertThat(driver().consoleOutput(ref, 2).split("\n", -1).length).isLessThanOrEqualTo(2);
        assertThat(driver().consoleOutput(ref, 0)).isNotNull();
    }

    @Test
    void actionsOnAnUnknownInstanceFailAndQueriesAreEmpty() throws VirtDriverException {
        var ref = new InstanceRef(UUID.randomUUID().toString(), host());

        assertThat(driver().info(ref)).isEmpty();
        driver().destroy(ref);
        assertThatThrownBy(() -> driver().powerOff(ref)).isInstanceOf(VirtDriverException.class)
                .hasMessageStartingWith("Failed");
        assertThatThrownBy(() -> driver().pause(ref)).isInstanceOf(VirtDriverException.class);
        assertThatThrownBy(() -> driver().consoleOutput(ref, 10)).isInstanceOf(VirtDriverException.class);
    }

    @Test
    void aSnapshotIsAFileAndTheGuestKeepsRunning() throws VirtDriverException {
        assumeTrue(hasBehavior(Behavior.SNAPSHOT), "the driver cannot take snapshots");
        InstanceRef ref = spawnOne();
        Path target = tempDir.resolve("snapshot");

        driver().snapshot(ref, target);

        assertThat(target).isRegularFile();
        assertThat(Files.isReadable(target)).isTrue();
        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void rebuildReplacesTheGuestWhichRunsAgain() throws VirtDriverException {
        InstanceRef ref = spawnOne();
        driver().powerOff(ref);

        InstanceInfo rebuilt = driver().rebuild(request(ref));

        assertThat(rebuilt.id()).isEqualTo(ref.id());
        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
        assertThat(driver().listInstances(host())).extracting(InstanceInfo::id).containsOnlyOnce(ref.id());
    }

    @Test
    void resizeGivesTheGuestTheNewSizesAndKeepsItsPowerState() throws VirtDriverException {
        assumeTrue(hasBehavior(Behavior.RESIZE), "the driver cannot resize");
        InstanceRef ref = spawnOne();

        driver().resize(ref, new SpawnRequest.FlavorSpec(2, 160, 1, 0, Map.of()));
        assertThat(power(ref)).isEqualTo(PowerState.RUNNING);
        assertThat(driver().info(ref)).get().satisfies(i -> {
            assertThat(i.vcpus()).isEqualTo(2);
            assertThat(i.memoryMb()).isEqualTo(160);
        });
        driver().powerOff(ref);
        driver().resize(ref, new SpawnRequest.FlavorSpec(1, 128, 1, 0, Map.of()));
        assertThat(power(ref)).isEqualTo(PowerState.SHUTDOWN);
        driver().powerOn(ref);
        assertThat(driver().info(ref)).get().satisfies(i -> assertThat(i.vcpus()).isEqualTo(1));
    }
}
