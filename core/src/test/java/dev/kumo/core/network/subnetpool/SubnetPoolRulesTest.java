package dev.kumo.core.network.subnetpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.model.error.CloudException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetPoolRulesTest {
    @Test
    void neutronDefaultsPerIpVersion() {
        assertThat(SubnetPoolRules.bounds(4, null, null, null)).isEqualTo(new SubnetPoolRules.Bounds(8, 32, 8));
        assertThat(SubnetPoolRules.bounds(6, null, null, null)).isEqualTo(new SubnetPoolRules.Bounds(64, 128, 64));
        assertThat(SubnetPoolRules.bounds(4, 16, 28, null)).isEqualTo(new SubnetPoolRules.Bounds(16, 28, 16));
    }

    @Test
    void illegalBoundsNameBothSides() {
        assertThatThrownBy(() -> SubnetPoolRules.bounds(4, 24, 20, null)).isInstanceOf(CloudException.class)
                .hasMessageContaining("Illegal prefix bounds: min_prefixlen=24, max_prefixlen=20.");
        assertThatThrownBy(() -> SubnetPoolRules.bounds(4, 8, 33, null))
                .hasMessageContaining("Illegal prefix bounds: max_prefixlen=33, ip_version_max=32.");
        assertThatThrownBy(() -> SubnetPoolRules.bounds(4, 16, 24, 8))
                .hasMessageContaining("Illegal prefix bounds: default_prefixlen=8, min_prefixlen=16.");
        assertThatThrownBy(() -> SubnetPoolRules.bounds(4, 16, 24, 26))
                .hasMessageContaining("Illegal prefix bounds: default_prefixlen=26, max_prefixlen=24.");
        assertThatThrownBy(() -> SubnetPoolRules.bounds(4, -1, null, null)).hasMessageContaining("should be non-negative");
    }

    @Test
    void prefixesMustBeOneVersionAndNotEmpty() {
        assertThatThrownBy(() -> SubnetPoolRules.prefixes(List.of())).hasMessageContaining("Empty subnet pool prefix list.");
        assertThatThrownBy(() -> SubnetPoolRules.prefixes(List.of("10.0.0.0/8", "2001:db8::/32")))
                .hasMessageContaining("Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
        assertThatThrownBy(() -> SubnetPoolRules.prefixes(List.of("10.0.0.300/8")))
                .hasMessageContaining("'10.0.0.300/8' is not a valid IP subnet");
        assertThat(SubnetPoolRules.prefixes(List.of("10.0.0.5/24")).blocks().getFirst().toString()).isEqualTo("10.0.0.0/24");
    }

    @Test
    void subnetLengthWithinPoolBounds() {
        var bounds = new SubnetPoolRules.Bounds(16, 28, 24);
        SubnetPoolRules.requireWithin(bounds, 28);
        assertThatThrownBy(() -> SubnetPoolRules.requireWithin(bounds, 29)).hasMessageContaining(
                "Unable to allocate subnet with prefix length 29, maximum allowed prefix is 28.");
        assertThatThrownBy(() -> SubnetPoolRules.requireWithin(bounds, 15)).hasMessageContaining(
                "Unable to allocate subnet with prefix length 15, minimum allowed prefix is 16.");
    }
}
