package dev.kumo.driver.fake.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.compute.VirtDriverContract;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract, plus what only the fake offers: injected spawn failures. */
class FakeVirtDriverTest extends VirtDriverContract {
    private final FakeVirtDriver fake = new FakeVirtDriver(FakeHosts.of(2, Duration.ZERO));

    @Override
    protected VirtDriver driver() {
        return fake;
    }

    @Override
    protected String host() {
        return "compute-1";
    }

    @Override
    protected SpawnRequest.ImageSpec image() {
        return new SpawnRequest.ImageSpec("img-1", "qcow2", null);
    }

    @Test
    void anInjectedFailureFailsTheNextSpawnOnlyAndLeavesNothing() throws Exception {
        var ref = new InstanceRef(UUID.randomUUID().toString(), host());
        fake.failNextSpawn("disk full");

        assertThatThrownBy(() -> fake.spawn(request(ref))).hasMessage("Failed to spawn instance " + ref.id() + ": disk full");
        assertThat(fake.info(ref)).isEmpty();
        assertThat(fake.spawn(request(ref)).id()).isEqualTo(ref.id());
        fake.destroy(ref);
    }
}
