package dev.kumo.spi.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link NetworkDriver} contract as tests: every driver's test class extends this and supplies the
 * driver, the host name ports are bound to here, and a network segment it can carry. Each test makes its own
 * networks (random ids) and deletes them, so a real driver leaves the host as it found it.
 */
public abstract class NetworkDriverContract {

    /** The driver under test; the same instance for every call of one test. */
    protected abstract NetworkDriver driver();

    /** The host name a port must be bound to for this driver to plug it. */
    protected abstract String localHost();

    /** A segment this driver can carry (its capabilities include the type). */
    protected L2Segment carriedSegment() {
        return new L2Segment(NetworkType.LOCAL, null, null);
    }

    protected NetworkSpec network(boolean adminStateUp) {
        return new NetworkSpec(UUID.randomUUID().toString(), carriedSegment(), 1450, adminStateUp,
                List.of(new SubnetSpec(UUID.randomUUID().toString(), 4, "10.77.0.0/24", "10.77.0.1", true,
                        List.of("10.77.0.1"), List.of(), null)));
    }

    protected PortSpec port(NetworkSpec network, String hostId, boolean adminStateUp) {
        return new PortSpec(UUID.randomUUID().toString(), network.networkId(), "fa:16:3e:00:00:01",
                List.of(new PortAddress(network.subnets().getFirst().subnetId(), "10.77.0.10")), "compute:nova",
                UUID.randomUUID().toString(), hostId, "normal", adminStateUp, true, List.of(), List.of(), "vm-1");
    }

    @Test
    void probeSaysWhetherItCanWorkAndWhy() {
        OperationalStatus status = driver().probe();
        assertThat(status.operational()).as(status.reason()).isTrue();
        assertThat(status.reason()).isNotBlank();
    }

    @Test
    void capabilitiesIncludeTheCarriedSegmentType() {
        NetworkDriverCapabilities caps = driver().capabilities();
        assertThat(caps.networkTypes()).contains(carriedSegment().type());
        assertThat(caps.maxMtu()).isGreaterThanOrEqualTo(1450);
    }

    @Test
    void ensureNetworkIsIdempotentAndTheNetworkShowsInTheInventory() {
        NetworkSpec spec = network(true);
        try {
            assertThat(driver().ensureNetwork(spec).status()).isEqualTo(DataPathStatus.ACTIVE);
            assertThat(driver().ensureNetwork(spec).status()).isEqualTo(DataPathStatus.ACTIVE);
            assertThat(driver().inventory().networkIds()).contains(spec.networkId());
        } finally {
            driver().deleteNetwork(spec.networkId());
        }
        assertThat(driver().inventory().networkIds()).doesNotContain(spec.networkId());
    }

    @Test
    void administrativelyDownNetworkIsDown() {
        NetworkSpec spec = network(false);
        try {
            NetworkState state = driver().ensureNetwork(spec);
            assertThat(state.status()).isEqualTo(DataPathStatus.DOWN);
            assertThat(state.reason()).isNotBlank();
        } finally {
            driver().deleteNetwork(spec.networkId());
        }
    }

    @Test
    void deletingWhatIsNotThereSucceeds() {
        String id = UUID.randomUUID().toString();
        assertThatCode(() -> driver().deleteNetwork(id)).doesNotThrowAnyException();
        assertThatCode(() -> driver().deletePort(new PortRef(UUID.randomUUID().toString(), id))).doesNotThrowAnyException();
    }

    @Test
    void unboundPortIsDownAndUnboundButKnown() {
        NetworkSpec net = network(true);
        driver().ensureNetwork(net);
        try {
            PortSpec port = port(net, "", true);
            PortState state = driver().ensurePort(port);
            assertThat(state.status()).isEqualTo(DataPathStatus.DOWN);
            assertThat(state.vifType()).isEqualTo(PortState.UNBOUND);
            assertThat(driver().inventory().hasPort(port.portId())).isTrue();
        } finally {
            driver().deleteNetwork(net.networkId());
        }
    }

    @Test
    void boundPortBecomesActiveAndDownAgainWhenUnbound() {
        NetworkSpec net = network(true);
        driver().ensureNetwork(net);
        try {
            PortSpec port = port(net, localHost(), true);
            PortState plugged = driver().ensurePort(port);
            assertThat(plugged.status()).isEqualTo(DataPathStatus.ACTIVE);
            assertThat(plugged.vifType()).isNotEqualTo(PortState.UNBOUND);
            assertThat(driver().ensurePort(port).status()).as("ensure twice").isEqualTo(DataPathStatus.ACTIVE);
            PortSpec unbound = port(net, "", true);
            PortSpec sameIdUnbound = new PortSpec(port.portId(), port.networkId(), port.macAddress(), port.addresses(),
                    port.deviceOwner(), port.deviceId(), unbound.hostId(), port.vnicType(), true, true, List.of(),
                    List.of(), port.hostname());
            assertThat(driver().ensurePort(sameIdUnbound).status()).isEqualTo(DataPathStatus.DOWN);
        } finally {
            driver().deleteNetwork(net.networkId());
        }
    }

    @Test
    void administrativelyDownPortIsDown() {
        NetworkSpec net = network(true);
        driver().ensureNetwork(net);
        try {
            PortState state = driver().ensurePort(port(net, localHost(), false));
            assertThat(state.status()).isEqualTo(DataPathStatus.DOWN);
            assertThat(state.reason()).isNotBlank();
        } finally {
            driver().deleteNetwork(net.networkId());
        }
    }

    @Test
    void deletePortRemovesItFromTheInventoryAndIsIdempotent() {
        NetworkSpec net = network(true);
        driver().ensureNetwork(net);
        try {
            PortSpec port = port(net, localHost(), true);
            driver().ensurePort(port);
            PortRef ref = new PortRef(port.portId(), port.networkId());
            driver().deletePort(ref);
            driver().deletePort(ref);
            assertThat(driver().inventory().hasPort(port.portId())).isFalse();
        } finally {
            driver().deleteNetwork(net.networkId());
        }
    }

    @Test
    void deletingANetworkRemovesItsPortsToo() {
        NetworkSpec net = network(true);
        driver().ensureNetwork(net);
        PortSpec port = port(net, localHost(), true);
        driver().ensurePort(port);
        driver().deleteNetwork(net.networkId());
        assertThat(driver().inventory().hasPort(port.portId())).isFalse();
    }

    // ---- routers and floating IPs (drivers announcing routing / floatingIps) ----

    private NetworkSpec externalNetwork() {
        return new NetworkSpec(UUID.randomUUID().toString(), carriedSegment(), 1500, true,
                List.of(new SubnetSpec(UUID.randomUUID().toString(), 4, "172.24.77.0/24", "172.24.77.1", false,
                        List.of(), List.of(), null)));
    }

    private RouterSpec router(String routerId, NetworkSpec external, NetworkSpec internal, boolean adminStateUp) {
        return new RouterSpec(routerId, adminStateUp,
                new RouterLeg(UUID.randomUUID().toString(), external.networkId(), "fa:16:3e:00:00:02",
                        List.of("172.24.77.10/24")), true,
                List.of(new RouterLeg(UUID.randomUUID().toString(), internal.networkId(), "fa:16:3e:00:00:03",
                        List.of("10.77.0.1/24"))), List.of(new Route("192.168.77.0/24", "10.77.0.20")));
    }

    @Test
    void routerWithGatewayAndInterfaceIsIdempotentFollowsItsAdminStateAndDeletesCleanly() {
        assumeTrue(driver().capabilities().routing(), "the driver does not route");
        NetworkSpec external = externalNetwork();
        NetworkSpec internal = network(true);
        String routerId = UUID.randomUUID().toString();
        try {
            driver().ensureNetwork(external);
            driver().ensureNetwork(internal);
            RouterSpec spec = router(routerId, external, internal, true);
            assertThat(driver().ensureRouter(spec)).isEqualTo(DataPathStatus.ACTIVE);
            assertThat(driver().ensureRouter(spec)).isEqualTo(DataPathStatus.ACTIVE);
            assertThat(driver().ensureRouter(router(routerId, external, internal, false))).isEqualTo(DataPathStatus.DOWN);
        } finally {
            driver().deleteRouter(routerId);
            driver().deleteNetwork(internal.networkId());
            driver().deleteNetwork(external.networkId());
        }
        assertThatCode(() -> driver().deleteRouter(routerId)).doesNotThrowAnyException();
    }

    @Test
    void floatingIpIsNattedInItsRoutersNamespaceAndNeedsTheGateway() {
        assumeTrue(driver().capabilities().floatingIps(), "the driver does not do floating IPs");
        NetworkSpec external = externalNetwork();
        NetworkSpec internal = network(true);
        String routerId = UUID.randomUUID().toString();
        String fipId = UUID.randomUUID().toString();
        var fip = new FloatingIpSpec(fipId, routerId, external.networkId(), "172.24.77.20", UUID.randomUUID().toString(),
                "10.77.0.10");
        try {
            driver().ensureNetwork(external);
            driver().ensureNetwork(internal);
            assertThatThrownBy(() -> driver().ensureFloatingIp(fip)).as("no router yet")
                    .isInstanceOf(NetworkDriverException.class).hasMessageStartingWith("Failed to");
            driver().ensureRouter(router(routerId, external, internal, true));
            assertThat(driver().ensureFloatingIp(fip)).isEqualTo(DataPathStatus.ACTIVE);
            assertThat(driver().ensureFloatingIp(fip)).isEqualTo(DataPathStatus.ACTIVE);
            driver().deleteFloatingIp(fipId);
            assertThatCode(() -> driver().deleteFloatingIp(fipId)).doesNotThrowAnyException();
        } finally {
            driver().deleteRouter(routerId);
            driver().deleteNetwork(internal.networkId());
            driver().deleteNetwork(external.networkId());
        }
    }

    @Test
    void securityGroupRulesAreAppliedIdempotentlyAndRemoved() {
        assumeTrue(driver().capabilities().securityGroups(), "the driver does not filter");
        String groupId = UUID.randomUUID().toString();
        var spec = new SecurityGroupSpec(groupId, true, List.of(
                new SecurityRuleSpec(UUID.randomUUID().toString(), "egress", "IPv4", null, null, null, null, null),
                new SecurityRuleSpec(UUID.randomUUID().toString(), "ingress", "IPv4", "tcp", 22, 22, "0.0.0.0/0", null),
                new SecurityRuleSpec(UUID.randomUUID().toString(), "ingress", "IPv4", "icmp", null, null, null, groupId)));
        try {
            assertThatCode(() -> driver().ensureSecurityGroup(spec)).doesNotThrowAnyException();
            assertThatCode(() -> driver().ensureSecurityGroup(spec)).doesNotThrowAnyException();
        } finally {
            driver().deleteSecurityGroup(groupId);
        }
        assertThatCode(() -> driver().deleteSecurityGroup(groupId)).doesNotThrowAnyException();
    }
}
