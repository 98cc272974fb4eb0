package dev.kumo.core.network.ip;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    @Test
    void clearsHostBits() {
        assertThat(Cidr.parse("10.0.0.5/24").toString()).isEqualTo("10.0.0.0/24");
        assertThat(Cidr.parse("2001:db8::1/64").toString()).isEqualTo("2001:db8::/64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "10.0.0/24", "2001:db8::/129",
            "/24", "10.0.0.0/24/1"})
    void refusesMalformedPrefixes(String text) {
        assertThat(Cidr.tryParse(text)).isEmpty();
    }

    @Test
    void boundsContainmentAndOverlap() {
        Cidr net = Cidr.parse("192.168.1.0/24");
        assertThat(net.first().toString()).isEqualTo("192.168.1.0");
        assertThat(net.last().toString()).isEqualTo("192.168.1.255");
        assertThat(net.size()).isEqualTo(BigInteger.valueOf(256));
        assertThat(net.contains(IpAddress.parse("192.168.1.77"))).isTrue();
        assertThat(net.contains(IpAddress.parse("192.168.2.1"))).isFalse();
        assertThat(net.contains(IpAddress.parse("::1"))).isFalse();
        assertThat(net.overlaps(Cidr.parse("192.168.0.0/16"))).isTrue();
        assertThat(net.overlaps(Cidr.parse("192.168.1.128/25"))).isTrue();
        assertThat(net.overlaps(Cidr.parse("192.168.2.0/24"))).isFalse();
    }

    @Test
    void usableHostsExcludeNetworkAndIpv4Broadcast() {
        Cidr v4 = Cidr.parse("10.0.0.0/24");
        assertThat(v4.usableHost(IpAddress.parse("10.0.0.0"))).isFalse();
        assertThat(v4.usableHost(IpAddress.parse("10.0.0.255"))).isFalse();
        assertThat(v4.usableHost(IpAddress.parse("10.0.0.1"))).isTrue();
        Cidr v6 = Cidr.parse("2001:db8::/64");
        assertThat(v6.usableHost(IpAddress.parse("2001:db8::ffff:ffff:ffff:ffff"))).isTrue();
    }
}
