package dev.kumo.driver.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterRulesetTest {
    private final RouterLeg inside = new RouterLeg("port-inside-1", "net-1", "fa:16:3e:00:00:01", List.of("10.0.0.1/24"));
    private final RouterLeg gateway = new RouterLeg("port-gateway-1", "ext", "fa:16:3e:00:00:02", List.of("172.24.4.50/24"));
    private final FloatingIpSpec fip = new FloatingIpSpec("f1", "r1", "ext", "172.24.4.51", "p6", "10.0.0.6");

    @Test
    void replacesTheWholeTableInOneTransaction() {
        String text = new RouterRuleset(new RouterSpec("r1", true, gateway, true, List.of(inside), List.of()), List.of()).text();
        assertThat(text).startsWith("table ip kumo-router {}\ndelete table ip kumo-router\ntable ip kumo-router {\n");
        assertThat(text).contains("iifname \"qr-port-inside\" ip daddr 169.254.169.254 tcp dport 80 redirect to :9697",
                "oifname \"qg-port-gatewa\" ip saddr 10.0.0.0/24 snat to 172.24.4.50");
    }

    @Test
    void floatingIpIsNattedBothWaysAndItsSnatComesFirst() {
        String text = new RouterRuleset(new RouterSpec("r1", true, gateway, true, List.of(inside), List.of()),
                List.of(fip)).text();
        assertThat(text.split("ip daddr 172.24.4.51 dnat to 10.0.0.6", -1)).hasSize(3); // prerouting and output
        int fipSnat = text.indexOf("ip saddr 10.0.0.6 snat to 172.24.4.51");
        int subnetSnat = text.indexOf("ip saddr 10.0.0.0/24 snat to 172.24.4.50");
        assertThat(fipSnat).isPositive().isLessThan(subnetSnat);
        assertThat(text).contains("iifname != \"qg-port-gatewa\" oifname != \"qg-port-gatewa\" ct status dnat snat to 172.24.4.50");
    }

    @Test
    void withoutSnatOnlyFloatingIpsAreTranslated() {
        String text = new RouterRuleset(new RouterSpec("r1", true, gateway, false, List.of(inside), List.of()),
                List.of(fip)).text();
        assertThat(text).contains("snat to 172.24.4.51").doesNotContain("snat to 172.24.4.50");
    }
}
