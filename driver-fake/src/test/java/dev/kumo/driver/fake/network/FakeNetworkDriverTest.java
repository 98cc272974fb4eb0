package dev.kumo.driver.fake.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.spi.network.DataPathStatus;
import dev.kumo.spi.network.L2Segment;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.NetworkDriverContract;
import dev.kumo.spi.network.NetworkDriverException;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.NetworkType;
import dev.kumo.spi.network.OperationalStatus;
import dev.kumo.spi.network.PortSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract, plus what only the fake offers: the journal, DHCP hosts, and injected faults. */
class FakeNetworkDriverTest extends NetworkDriverContract {
    private final FakeNetworkDriver fake = new FakeNetworkDriver();

    @Override
    protected NetworkDriver driver() {
        return fake;
    }

    @Override
    protected String localHost() {
        return "kumo-host";
    }

    @Test
    void journalsOnlyRealChanges() {
        NetworkSpec net = network(true);
        fake.ensureNetwork(net);
        fake.ensureNetwork(net);
        PortSpec port = port(net, localHost(), true);
        fake.ensurePort(port);
        fake.ensurePort(port);
        fake.deleteNetwork(net.networkId());
        fake.deleteNetwork(net.networkId());
        assertThat(fake.journal()).extracting(DataPathChange::operation).containsExactly(
                FakeOperation.ENSURE_NETWORK, FakeOperation.ENSURE_PORT, FakeOperation.DELETE_NETWORK);
        assertThat(fake.journal().getFirst().detail()).contains("DHCP for [10.77.0.0/24]");
    }

    @Test
    void dhcpHostsListEveryAddressedPortOfTheNetwork() {
        NetworkSpec net = network(true);
        fake.ensureNetwork(net);
        fake.ensurePort(port(net, "", true));
        assertThat(fake.dhcpHosts(net.networkId())).singleElement().satisfies(h -> {
            assertThat(h.macAddress()).isEqualTo("fa:16:3e:00:00:01");
            assertThat(h.ipAddresses()).containsExactly("10.77.0.10");
            assertThat(h.hostname()).isEqualTo("vm-1");
        });
    }

    @Test
    void injectedFailureSaysWhatFailedAndLeavesNothingBehind() {
        fake.injectFailure(FakeOperation.ENSURE_NETWORK, 1, "bridge brq1 could not be created");
        NetworkSpec net = network(true);
        assertThatThrownBy(() -> fake.ensureNetwork(net)).isInstanceOf(NetworkDriverException.class)
                .hasMessage("Failed to plumb network " + net.networkId() + ": bridge brq1 could not be created");
        assertThat(fake.inventory().networkIds()).doesNotContain(net.networkId());
        assertThat(fake.ensureNetwork(net).status()).as("only one failure was injected").isEqualTo(DataPathStatus.ACTIVE);
    }

    @Test
    void injectedLatencyDelaysChanges() {
        fake.injectLatency(Duration.ofMillis(50));
        long start = System.nanoTime();
        fake.ensureNetwork(network(true));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void portOnANetworkNeverPlumbedFails() {
        NetworkSpec net = network(true);
        assertThatThrownBy(() -> fake.ensurePort(port(net, localHost(), true)))
                .hasMessageContaining("is not plumbed on this host");
    }

    @Test
    void segmentOutsideTheCapabilitiesFails() {
        NetworkSpec vlanOnUnknownPhysnet = new NetworkSpec("n1", new L2Segment(NetworkType.VLAN, "physnet9", 100), 1500,
                true, List.of());
        assertThatThrownBy(() -> fake.ensureNetwork(vlanOnUnknownPhysnet))
                .hasMessage("Failed to plumb network n1: physical network physnet9 has no bridge mapping on this host");
    }

    @Test
    void probeReportsWhatTheTestSets() {
        fake.setOperational(OperationalStatus.notOperational("br-ex is missing"));
        assertThat(fake.probe().operational()).isFalse();
        assertThat(fake.probe().reason()).isEqualTo("br-ex is missing");
    }
}
