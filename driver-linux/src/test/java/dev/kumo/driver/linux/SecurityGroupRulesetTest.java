package dev.kumo.driver.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityGroupRulesetTest {
    private final PortSpec web = Specs.computePort("port-web-0001", "n", "fa:16:3e:00:00:06", "s", "10.0.0.6", "sg-web");
    private final PortSpec db = Specs.computePort("port-db-00001", "n", "fa:16:3e:00:00:07", "s", "10.0.0.7", "sg-db");
    private final SecurityGroupSpec webGroup = new SecurityGroupSpec("sg-web", true, List.of(
            Specs.rule("r1", "ingress", "tcp", 22, 22, "0.0.0.0/0", null),
            Specs.rule("r2", "ingress", "icmp", 8, 0, null, null),
            Specs.rule("r3", "egress", null, null, null, null, null),
            new dev.kumo.spi.network.SecurityRuleSpec("r4", "ingress", "IPv6", "tcp", 80, 80, null, null)));
    private final SecurityGroupSpec dbGroup = new SecurityGroupSpec("sg-db", true, List.of(
            Specs.rule("r5", "ingress", "tcp", 5432, 5440, null, "sg-web")));

    private String text() {
        List<PortSpec> ports = List.of(db, web);
        return new SecurityGroupRuleset("kumo-sg", Map.of("brqn", 7, "brqm", 9), ports, Map.of("sg-web", webGroup, "sg-db", dbGroup),
                SecurityGroupFilters.members(ports)).text();
    }

    @Test
    void bothTablesAreReplacedWhole() {
        assertThat(text()).contains("table bridge kumo-sg {}\ndelete table bridge kumo-sg\ntable bridge kumo-sg {",
                "table inet kumo-sg {}\ndelete table inet kumo-sg\ntable inet kumo-sg {");
    }

    @Test
    void portsAreTaggedBySenderAndReceiver() {
        assertThat(text()).contains("iifname vmap { \"tapport-db-000\" : jump from-1, \"tapport-web-00\" : jump from-2 }",
                "oifname vmap { \"tapport-db-000\" : jump to-1, \"tapport-web-00\" : jump to-2 }",
                "meta mark and 0xffff0000 vmap { " + mark(1 << 16) + " : jump egress-1, " + mark(2 << 16) + " : jump egress-2 }",
                "meta mark and 0x0000ffff vmap { " + mark(1) + " : jump ingress-1, " + mark(2) + " : jump ingress-2 }");
    }

    /** A port's mark carries the table's tag in the top 4 bits of each half. */
    private static String mark(int indexInHalf) {
        int tag = new SecurityGroupRuleset("kumo-sg", Map.of(), List.of(), Map.of(), Map.of()).tag();
        int shifted = indexInHalf >= 1 << 16 ? (tag << 28) | indexInHalf : (tag << 12) | indexInHalf;
        return String.format("0x%08x", shifted);
    }

    @Test
    void anotherTablesMarksAreNotTheSame() {
        var mine = new SecurityGroupRuleset("kumo-sg", Map.of(), List.of(), Map.of(), Map.of());
        var tests = new SecurityGroupRuleset("kumo-sg-c1a2b", Map.of(), List.of(), Map.of(), Map.of());
        assertThat(mine.tag()).isBetween(1, 15).isNotEqualTo(tests.tag());
    }

    @Test
    void antiSpoofingAllowsOnlyThePortsOwnAddresses() {
        String text = text();
        String from2 = text.substring(text.indexOf("chain from-2 {"), text.indexOf("  }", text.indexOf("chain from-2 {")));
        assertThat(from2).contains("ether saddr != { fa:16:3e:00:00:06 } drop", "ip saddr != { 10.0.0.6 } drop",
                "arp saddr ip != { 10.0.0.6, 0.0.0.0 } drop", "udp sport 67 udp dport 68 drop", "ether type ip6 drop");
    }

    @Test
    void ingressIsStatefulDefaultDenyWithTheGroupsRules() {
        String text = text();
        String ingress = text.substring(text.indexOf("chain ingress-2 {"), text.indexOf("  }", text.indexOf("chain ingress-2 {")));
        assertThat(ingress).contains("ct state established,related accept", "meta l4proto tcp tcp dport 22 accept",
                "icmp type 8 icmp code 0 accept").doesNotContain("dport 80");
        assertThat(ingress.strip()).endsWith("drop");
    }

    @Test
    void remoteGroupMeansItsMembersAddresses() {
        String text = text();
        String ingress = text.substring(text.indexOf("chain ingress-1 {"), text.indexOf("  }", text.indexOf("chain ingress-1 {")));
        assertThat(ingress).contains("ip saddr { 10.0.0.6 } meta l4proto tcp tcp dport 5432-5440 accept");
    }

    @Test
    void egressRulesReturnSoThatTheReceiverIsStillChecked() {
        String text = text();
        String webEgress = text.substring(text.indexOf("chain egress-2 {"), text.indexOf("  }", text.indexOf("chain egress-2 {")));
        assertThat(webEgress).contains("    return\n").doesNotContain("accept");
        String dbEgress = text.substring(text.indexOf("chain egress-1 {"), text.indexOf("  }", text.indexOf("chain egress-1 {")));
        assertThat(dbEgress.strip()).endsWith("drop"); // sg-db has no egress rule: nothing new may leave
    }

    @Test
    void eachNetworkBridgeHasItsOwnConntrackZone() {
        assertThat(text()).contains("type filter hook prerouting priority raw; policy accept;",
                "ct zone set iifname map { \"brqm\" : 9, \"brqn\" : 7 }");
        assertThat(SecurityGroupRuleset.zoneOf("net-a")).isEqualTo(SecurityGroupRuleset.zoneOf("net-a")).isBetween(1, 65535);
    }

    @Test
    void remoteGroupWithoutMembersMatchesNothing() {
        var rule = Specs.rule("x", "ingress", "tcp", 1, 2, null, "sg-empty");
        assertThat(SecurityRuleText.match(rule, Map.of("sg-empty", Set.of()))).isEmpty();
    }
}
