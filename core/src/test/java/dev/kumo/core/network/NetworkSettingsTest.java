package dev.kumo.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins every default: changing one is a decision, not an accident. */
class NetworkSettingsTest {
    @Test
    void defaultsAreNeutrons() {
        NetworkSettings s = NetworkSettings.defaults();
        assertThat(s.tenantNetworkType()).isEqualTo("vxlan");
        assertThat(s.tenantSegmentMin()).isEqualTo(1);
        assertThat(s.tenantSegmentMax()).isEqualTo(1000);
        assertThat(s.physicalNetworks()).containsExactly("physnet1");
        assertThat(s.globalMtu()).isEqualTo(1500);
        assertThat(s.availabilityZone()).isEqualTo("nova");
        assertThat(s.dnsDomain()).isEqualTo("openstacklocal.");
        assertThat(List.of(s.defaultNetworkQuota(), s.defaultSubnetQuota(), s.defaultPortQuota())).containsExactly(100, 100, 500);
        assertThat(List.of(s.maxDnsNameservers(), s.maxHostRoutes(), s.maxAllowedAddressPairs())).containsExactly(5, 20, 10);
    }

    @Test
    void refusesAnEmptySegmentRangeAndATooSmallMtu() {
        assertThatThrownBy(() -> NetworkSettings.defaults().withTenantSegments(10, 5)).hasMessageContaining("10..5");
        assertThatThrownBy(() -> new NetworkSettings("vxlan", 1, 10, List.of(), 1000, "nova", "x.", 1, 1, 1, 1, 1, 1))
                .hasMessageContaining("1280");
    }
}
