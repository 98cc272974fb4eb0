package dev.kumo.core.network.subnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.HostRoute;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/** Neutron's subnet validations: the status, the type and the words clients see. */
class SubnetRulesTest {
    private static final Cidr NET = Cidr.parse("10.0.0.0/24");

    private static void fails(ThrowableAssert.ThrowingCallable call, int status, String type, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.error().status()).isEqualTo(status);
            assertThat(e.error().type()).isEqualTo(type);
            assertThat(e.error().message()).isEqualTo(message);
        });
    }

    @Test
    void cidrIsNormalisedAndMalformedOnesAre400() {
        assertThat(SubnetRules.cidr("10.0.0.7/24", 4).toString()).isEqualTo("10.0.0.0/24");
        fails(() -> SubnetRules.cidr("10.0.0.0/33", 4), 400, "HTTPBadRequest",
                "Invalid input for cidr. Reason: '10.0.0.0/33' is not a valid IP subnet.");
        fails(() -> SubnetRules.cidr("0.0.0.0/0", 4), 400, "InvalidInput",
                "Invalid input for operation: 0 is not allowed as CIDR prefix length.");
        fails(() -> SubnetRules.cidr("2001:db8::/64", 4), 400, "InvalidInput",
                "Invalid input for operation: cidr '2001:db8::/64' does not match the ip_version '4'.");
    }

    @Test
    void gatewayOutsideTheCidrIsAcceptedAsNeutronDoes() {
        assertThat(SubnetRules.gateway(Cidr.parse("10.0.10.0/24"), "10.0.0.1")).isEqualTo(IpAddress.parse("10.0.0.1"));
        fails(() -> SubnetRules.gateway(NET, "10.0.0.255"), 400, "InvalidInput",
                "Invalid input for operation: Gateway is not valid on subnet.");
        fails(() -> SubnetRules.gateway(NET, "10.0.0.0"), 400, "InvalidInput",
                "Invalid input for operation: Gateway is not valid on subnet.");
        fails(() -> SubnetRules.gateway(NET, "10.0.0.x"), 400, "HTTPBadRequest",
                "Invalid input for gateway_ip. Reason: '10.0.0.x' is not a valid IP address.");
    }

    @Test
    void gatewayInsideAPoolIs409NamingThePool() {
        var pools = SubnetRules.pools(NET, List.of(new AllocationPool("10.0.0.1", "10.0.0.254")));
        fails(() -> SubnetRules.gatewayOutsidePools(IpAddress.parse("10.0.0.1"), pools), 409,
                "GatewayConflictWithAllocationPools", "Gateway ip 10.0.0.1 conflicts with allocation pool 10.0.0.1-10.0.0.254.");
    }

    @Test
    void poolsMustBeValidInsideAndApart() {
        fails(() -> SubnetRules.pools(NET, List.of(new AllocationPool("10.0.0.50", "10.0.1.10"))), 400,
                "OutOfBoundsAllocationPool", "The allocation pool 10.0.0.50-10.0.1.10 spans beyond the subnet cidr 10.0.0.0/24.");
        fails(() -> SubnetRules.pools(NET, List.of(new AllocationPool("10.0.0.0", "10.0.0.10"))), 400,
                "OutOfBoundsAllocationPool", "The allocation pool 10.0.0.0-10.0.0.10 spans beyond the subnet cidr 10.0.0.0/24.");
        fails(() -> SubnetRules.pools(NET, List.of(new AllocationPool("10.0.0.2", "10.0.0.20"),
                        new AllocationPool("10.0.0.10", "10.0.0.30"))), 409, "OverlappingAllocationPools",
                "Found overlapping allocation pools: 10.0.0.2-10.0.0.20 10.0.0.10-10.0.0.30 for subnet 10.0.0.0/24.");
        fails(() -> SubnetRules.pools(NET, List.of(new AllocationPool("10.0.0.20", "10.0.0.2"))), 400,
                "HTTPBadRequest", "Invalid input for allocation_pools. Reason: The allocation pool 10.0.0.20-10.0.0.2 is not valid.");
        fails(() -> SubnetRules.pools(NET, List.of(new AllocationPool("10.0.0.2", "nope"))), 400, "HTTPBadRequest",
                "Invalid input for allocation_pools. Reason: 'nope' is not a valid IP address.");
    }

    @Test
    void nameserversAndRoutes() {
        assertThat(SubnetRules.nameservers(4, List.of("8.8.8.8"), 5, "new subnet")).containsExactly("8.8.8.8");
        fails(() -> SubnetRules.nameservers(4, List.of("8.8.8.8", "8.8.8.8"), 5, "new subnet"), 400, "HTTPBadRequest",
                "Invalid input for dns_nameservers. Reason: Duplicate nameserver '8.8.8.8'.");
        fails(() -> SubnetRules.nameservers(4, List.of("1.1.1.1", "1.1.1.2"), 1, "new subnet"), 400,
                "DNSNameServersExhausted",
                "Unable to complete operation for new subnet. The number of DNS nameservers exceeds the limit 1.");
        assertThat(SubnetRules.routes(4, List.of(new HostRoute("10.20.0.5/24", "10.0.0.1")), 20, "new subnet"))
                .containsExactly(new HostRoute("10.20.0.0/24", "10.0.0.1"));
        fails(() -> SubnetRules.routes(4, List.of(new HostRoute("10.20.0.0/24", "x")), 20, "new subnet"), 400,
                "InvalidInput", "Invalid input for operation: Invalid route: {'destination': '10.20.0.0/24', 'nexthop': 'x'}.");
    }

    @Test
    void ipv6Modes() {
        Cidr v6 = Cidr.parse("2001:db8::/64");
        SubnetRules.ipv6Modes(v6, "slaac", "slaac", true);
        SubnetRules.ipv6Modes(v6, null, "dhcpv6-stateless", true);
        fails(() -> SubnetRules.ipv6Modes(v6, "slaac", "dhcpv6-stateful", true), 400, "InvalidInput",
                "Invalid input for operation: ipv6_ra_mode set to 'slaac' with ipv6_address_mode set to 'dhcpv6-stateful'"
                        + " is not valid. If both attributes are set, they must be the same value.");
        fails(() -> SubnetRules.ipv6Modes(v6, "slaac", null, false), 400, "InvalidInput",
                "Invalid input for operation: ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False.");
        fails(() -> SubnetRules.ipv6Modes(Cidr.parse("2001:db8::/80"), "slaac", "slaac", true), 400, "InvalidInput",
                "Invalid input for operation: Invalid CIDR 2001:db8::/80 for IPv6 address mode. OpenStack uses the EUI-64 "
                        + "address format, which requires the prefix to be /64.");
        fails(() -> SubnetRules.ipv6Modes(NET, "slaac", null, true), 400, "InvalidInput",
                "Invalid input for operation: ipv6_ra_mode is not valid when ip_version is 4.");
        fails(() -> SubnetRules.ipv6Modes(v6, "bogus", null, true), 400, "HTTPBadRequest",
                "Invalid input for ipv6_ra_mode. Reason: 'bogus' is not in [dhcpv6-stateful, dhcpv6-stateless, slaac].");
    }

    @Test
    void dhcpNeedsRoomForAServer() {
        SubnetRules.dhcpPrefix(Cidr.parse("10.0.0.0/30"), true);
        SubnetRules.dhcpPrefix(Cidr.parse("10.0.0.0/31"), false);
        fails(() -> SubnetRules.dhcpPrefix(Cidr.parse("10.0.0.0/31"), true), 400, "InvalidInput",
                "Invalid input for operation: Subnet has a prefix length that is incompatible with DHCP service enabled.");
    }
}
