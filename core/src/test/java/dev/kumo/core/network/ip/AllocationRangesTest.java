package dev.kumo.core.network.ip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Neutron's generate_pools, case by case. */
class AllocationRangesTest {
    private static IpAddress ip(String s) {
        return IpAddress.parse(s);
    }

    @Test
    void cidrMinusNetworkBroadcastAndFirstAddressGateway() {
        assertThat(AllocationRanges.defaults(Cidr.parse("10.0.0.0/24"), ip("10.0.0.1")))
                .extracting(Object::toString).containsExactly("10.0.0.2-10.0.0.254");
    }

    @Test
    void gatewayInTheMiddleSplitsThePool() {
        assertThat(AllocationRanges.defaults(Cidr.parse("10.0.0.0/24"), ip("10.0.0.100")))
                .extracting(Object::toString).containsExactly("10.0.0.1-10.0.0.99", "10.0.0.101-10.0.0.254");
    }

    @Test
    void gatewayOutsideTheCidrLeavesTheWholeRange() {
        // the source documents' subnet: 10.0.10.0/24 with gateway 10.0.0.1
        assertThat(AllocationRanges.defaults(Cidr.parse("10.0.10.0/24"), ip("10.0.0.1")))
                .extracting(Object::toString).containsExactly("10.0.10.1-10.0.10.254");
    }

    @Test
    void noGatewayAndIpv6KeepsTheLastAddress() {
        assertThat(AllocationRanges.defaults(Cidr.parse("10.0.0.0/28"), null))
                .extracting(Object::toString).containsExactly("10.0.0.1-10.0.0.14");
        assertThat(AllocationRanges.defaults(Cidr.parse("2001:db8::/64"), ip("2001:db8::1")))
                .extracting(Object::toString).containsExactly("2001:db8::2-2001:db8::ffff:ffff:ffff:ffff");
    }

    @Test
    void tinyPrefixes() {
        assertThat(AllocationRanges.defaults(Cidr.parse("10.0.0.7/32"), null)).extracting(Object::toString)
                .containsExactly("10.0.0.7-10.0.0.7");
        assertThat(AllocationRanges.defaults(Cidr.parse("10.0.0.0/31"), null)).isEmpty();
        assertThat(AllocationRanges.defaults(Cidr.parse("10.0.0.0/28"), ip("10.0.0.1")).getFirst().size().intValue())
                .as("a /28 with a gateway has 13 addresses to hand out").isEqualTo(13);
    }
}
