package dev.kumo.core.network.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.IpRange;
import dev.kumo.core.network.store.AllocationRepository;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.model.network.Subnet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpamTest {
    /** Allocations by subnet and address, as the table holds them. */
    static final class MemoryAllocations implements AllocationRepository {
        final Map<String, String> holders = new HashMap<>();

        void hold(FixedIp ip, String port) {
            holders.put(ip.subnetId() + "|" + IpAddress.parse(ip.ipAddress()), port);
        }

        @Override
        public Optional<String> holder(String subnetId, IpAddress ip) {
            return Optional.ofNullable(holders.get(subnetId + "|" + ip));
        }

        @Override
        public Optional<IpAddress> lowestFree(String subnetId, IpRange range, Set<IpAddress> pending) {
            for (IpAddress ip = range.first(); !range.last().lessThan(ip); ip = ip.plus(1)) {
                if (!holders.containsKey(subnetId + "|" + ip) && !pending.contains(ip)) {
                    return Optional.of(ip);
                }
            }
            return Optional.empty();
        }
    }

    private final MemoryAllocations allocations = new MemoryAllocations();
    private final Ipam ipam = new Ipam(allocations);

    private static Subnet subnet(String id, int version, String cidr, String gateway, List<AllocationPool> pools,
                                 String addressMode) {
        return new Subnet(id, "p", "net", "", version, cidr, gateway, true, addressMode, addressMode, List.of(), List.of(),
                pools, null, StandardAttributes.created("", List.of(), Instant.EPOCH));
    }

    private static final Subnet V4 = subnet("s4", 4, "10.0.0.0/29", "10.0.0.1",
            List.of(new AllocationPool("10.0.0.2", "10.0.0.6")), null);
    private static final Subnet V6 = subnet("s6", 6, "2001:db8::/64", "2001:db8::1",
            List.of(new AllocationPool("2001:db8::2", "2001:db8::ffff:ffff:ffff:ffff")), null);
    private static final Subnet SLAAC = subnet("slaac", 6, "2001:db8:1::/64", null,
            List.of(new AllocationPool("2001:db8:1::1", "2001:db8:1::ffff:ffff:ffff:ffff")), "slaac");

    @Test
    void automaticGivesTheLowestFreeOfEachFamilyAndEui64OnSlaac() {
        allocations.hold(new FixedIp("s4", "10.0.0.2"), "other");
        List<FixedIp> ips = ipam.automatic("net", List.of(V4, V6, SLAAC), "fa:16:3e:00:00:01", "compute:nova");
        assertThat(ips).containsExactly(new FixedIp("s4", "10.0.0.3"), new FixedIp("s6", "2001:db8::2"),
                new FixedIp("slaac", "2001:db8:1:0:f816:3eff:fe00:1"));
    }

    @Test
    void exhaustedPoolIsIpAddressGenerationFailure() {
        for (int i = 2; i <= 6; i++) {
            allocations.hold(new FixedIp("s4", "10.0.0." + i), "p" + i);
        }
        assertThatThrownBy(() -> ipam.automatic("net", List.of(V4), "fa:16:3e:00:00:01", ""))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(409);
                    assertThat(e.error().type()).isEqualTo("IpAddressGenerationFailure");
                    assertThat(e.error().message()).isEqualTo("No more IP addresses available on network net.");
                });
    }

    @Test
    void explicitAddressMayLieOutsideThePoolsButNotOutsideTheSubnet() {
        assertThat(ipam.requested("net", List.of(V4), List.of(new FixedIpRequest("s4", "10.0.0.1")), List.of(), "m", "", "new"))
                .containsExactly(new FixedIp("s4", "10.0.0.1"));
        assertThatThrownBy(() -> ipam.requested("net", List.of(V4), List.of(new FixedIpRequest("s4", "10.0.1.5")),
                List.of(), "m", "", "new")).hasMessage("IP address 10.0.1.5 is not a valid IP for the specified subnet.");
        assertThatThrownBy(() -> ipam.requested("net", List.of(V4), List.of(new FixedIpRequest(null, "192.168.0.5")),
                List.of(), "m", "", "new"))
                .hasMessage("IP address 192.168.0.5 is not a valid IP for any of the subnets on the specified network.");
        assertThatThrownBy(() -> ipam.requested("net", List.of(V4), List.of(new FixedIpRequest("s4", "10.0.0.7")),
                List.of(), "m", "", "new")).as("the broadcast address")
                .hasMessage("IP address 10.0.0.7 is not a valid IP for the specified subnet.");
    }

    @Test
    void addressHeldByAnotherPortIs409ButTheSamePortKeepsIt() {
        allocations.hold(new FixedIp("s4", "10.0.0.4"), "holder");
        assertThatThrownBy(() -> ipam.requested("net", List.of(V4), List.of(new FixedIpRequest(null, "10.0.0.4")),
                List.of(), "m", "", "new")).isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(409);
                    assertThat(e.error().message()).isEqualTo("IP address 10.0.0.4 already allocated in subnet s4");
                });
        assertThat(ipam.requested("net", List.of(V4), List.of(new FixedIpRequest(null, "10.0.0.4")),
                List.of(new FixedIp("s4", "10.0.0.4")), "m", "", "holder")).containsExactly(new FixedIp("s4", "10.0.0.4"));
    }

    @Test
    void subnetOnlyRequestKeepsThePortsCurrentAddressOnThatSubnet() {
        allocations.hold(new FixedIp("s4", "10.0.0.5"), "port");
        assertThat(ipam.requested("net", List.of(V4), List.of(new FixedIpRequest("s4", null)),
                List.of(new FixedIp("s4", "10.0.0.5")), "m", "", "port")).containsExactly(new FixedIp("s4", "10.0.0.5"));
    }

    @Test
    void twoRequestsOnOneSubnetGetTwoAddresses() {
        assertThat(ipam.requested("net", List.of(V4), List.of(new FixedIpRequest("s4", null), new FixedIpRequest("s4", null)),
                List.of(), "m", "", "new")).containsExactly(new FixedIp("s4", "10.0.0.2"), new FixedIp("s4", "10.0.0.3"));
    }

    @Test
    void unknownSubnetAndAutoAddressedSubnetsRefuseExplicitAddresses() {
        assertThatThrownBy(() -> ipam.requested("net", List.of(V4), List.of(new FixedIpRequest("nope", null)), List.of(),
                "m", "", "new")).hasMessage("Invalid input for operation: Failed to create port on network net, because "
                + "fixed_ips included invalid subnet nope.");
        assertThatThrownBy(() -> ipam.requested("net", List.of(SLAAC), List.of(new FixedIpRequest("slaac", "2001:db8:1::5")),
                List.of(), "fa:16:3e:00:00:01", "", "new")).hasMessageContaining("configured for automatic addresses");
    }
}
