package dev.kumo.driver.linux;

import dev.kumo.spi.network.AllowedAddress;
import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.PortAddress;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import dev.kumo.spi.network.SecurityRuleSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security-group filters of every filtered port of the host, as one nftables text (two tables), applied
 * atomically. This kernel has no conntrack in the bridge family, so the work is split:
 * <ul>
 *   <li>{@code table bridge kumo-sg} sees the frame with its real bridge ports: stateless anti-spoofing of
 *       what a port sends (MAC, ARP, source IP; no DHCP server, no IPv6), and it tags the frame's mark with
 *       the index of the sending port (high 16 bits) and of the receiving port (low 16 bits);</li>
 *   <li>{@code table inet kumo-sg} (called for bridged IPv4 by br_netfilter, where only the bridge is
 *       visible) applies the groups' egress rules of the sender and ingress rules of the receiver by mark,
 *       statefully: established and related traffic passes, so replacing the ruleset does not cut flows.</li>
 * </ul>
 * Ports are numbered in the order given (at most 65535). Each network's bridged traffic gets its own conntrack
 * zone, as in Neutron, so that tenants with overlapping addresses do not share connection state.
 *
 * @param zones  the conntrack zone of each network bridge (stable across rulesets, so flows survive)
 * @param ports  the filtered ports (bound, plugged, port security on)
 * @param groups every known group by id; a port's unknown group contributes no rules
 */
record SecurityGroupRuleset(String table, Map<String, Integer> zones, List<PortSpec> ports,
                            Map<String, SecurityGroupSpec> groups, Map<String, Set<String>> members) {

    /** A network's zone: from its id, so that it does not change when other networks come and go. */
    static int zoneOf(String networkId) {
        return 1 + Math.floorMod(networkId.hashCode(), 65534);
    }


    /** Ports one ruleset can tell apart: 12 bits of each half of the mark; the top 4 bits carry the table's tag. */
    static final int MAX_PORTS = 4095;

    /**
     * This ruleset's tag in the marks: every driver's inet table sees every bridged frame of the host, so two
     * drivers (a second cloud, a test) must not act on each other's marks. Taken from the table name.
     */
    int tag() {
        return 1 + Math.floorMod(table.hashCode(), 15);
    }

    /** The 16-bit mark of the {@code index}-th port (1-based): tag and index. */
    private int portMark(int index) {
        return tag() << 12 | index;
    }

    String text() {
        if (ports.size() > MAX_PORTS) {
            throw new IllegalStateException("Failed to filter " + ports.size() + " ports: one host filters at most "
                    + MAX_PORTS);
        }
        StringBuilder nft = new StringBuilder();
        bridgeTable(nft);
        inetTable(nft);
        return nft.toString();
    }

    private void bridgeTable(StringBuilder nft) {
        replace(nft, "bridge");
        nft.append("  chain forward {\n    type filter hook forward priority filter; policy accept;\n");
        if (!ports.isEmpty()) {
            nft.append("    iifname vmap { ").append(portMap("from-")).append(" }\n");
            nft.append("    oifname vmap { ").append(portMap("to-")).append(" }\n");
        }
        nft.append("  }\n");
        for (int i = 0; i < ports.size(); i++) {
            antiSpoofing(nft, i + 1, ports.get(i));
            nft.append("  chain to-").append(i + 1).append(" {\n    meta mark set meta mark and 0xffff0000 or ")
                    .append(hex(portMark(i + 1))).append("\n  }\n");
        }
        nft.append("}\n");
    }

    private void antiSpoofing(StringBuilder nft, int index, PortSpec port) {
        Set<String> macs = new LinkedHashSet<>(List.of(port.macAddress()));
        Set<String> ips = new LinkedHashSet<>();
        port.addresses().stream().map(PortAddress::ipAddress).filter(Ipv4Cidr::isIpv4).forEach(ips::add);
        for (AllowedAddress pair : port.allowedAddresses()) {
            if (Ipv4Cidr.isIpv4(pair.ipAddressOrCidr())) {
                ips.add(pair.ipAddressOrCidr());
                macs.add(pair.macAddress().isEmpty() ? port.macAddress() : pair.macAddress());
            }
        }
        String macSet = "{ " + String.join(", ", macs) + " }";
        nft.append("  chain from-").append(index).append(" {\n");
        nft.append("    meta mark set ").append(hex(portMark(index) << 16)).append('\n');
        nft.append("    ether saddr != ").append(macSet).append(" drop\n");
        nft.append("    ether type ip6 drop\n");
        nft.append("    arp saddr ether != ").append(macSet).append(" drop\n");
        List<String> arpIps = new ArrayList<>(ips);
        arpIps.add("0.0.0.0");
        nft.append("    arp saddr ip != { ").append(String.join(", ", arpIps)).append(" } drop\n");
        nft.append("    ip saddr 0.0.0.0 ip daddr 255.255.255.255 udp sport 68 udp dport 67 return\n");
        if (ips.isEmpty()) {
            nft.append("    ether type ip drop\n");
        } else {
            nft.append("    ip saddr != { ").append(String.join(", ", ips)).append(" } drop\n");
        }
        nft.append("    udp sport 67 udp dport 68 drop\n  }\n");
    }

    private void inetTable(StringBuilder nft) {
        replace(nft, "inet");
        if (!zones.isEmpty()) {
            nft.append("  chain zones {\n    type filter hook prerouting priority raw; policy accept;\n");
            List<String> entries = new ArrayList<>();
            zones.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> entries.add("\"" + e.getKey() + "\" : " + e.getValue()));
            nft.append("    ct zone set iifname map { ").append(String.join(", ", entries)).append(" }\n  }\n");
        }
        nft.append("  chain forward {\n    type filter hook forward priority filter; policy accept;\n");
        if (!ports.isEmpty()) {
            nft.append("    meta mark and 0xffff0000 vmap { ").append(markMap("egress-", 16)).append(" }\n");
            nft.append("    meta mark and 0x0000ffff vmap { ").append(markMap("ingress-", 0)).append(" }\n");
        }
        nft.append("  }\n");
        for (int i = 0; i < ports.size(); i++) {
            groupChain(nft, "egress-" + (i + 1), ports.get(i), "egress", "return");
            groupChain(nft, "ingress-" + (i + 1), ports.get(i), "ingress", "accept");
        }
        nft.append("}\n");
    }

    /** Egress chains {@code return} on a match, so the receiver's ingress chain still runs. */
    private void groupChain(StringBuilder nft, String name, PortSpec port, String direction, String verdict) {
        nft.append("  chain ").append(name).append(" {\n");
        nft.append("    ct state established,related ").append(verdict).append('\n');
        nft.append("    ct state invalid drop\n");
        nft.append(direction.equals("egress") ? "    udp sport 68 udp dport 67 return\n"
                : "    udp sport 67 udp dport 68 accept\n");
        Set<String> matches = new LinkedHashSet<>();
        for (String groupId : port.securityGroupIds()) {
            SecurityGroupSpec group = groups.get(groupId);
            if (group == null) {
                continue;
            }
            for (SecurityRuleSpec rule : group.rules()) {
                if (rule.direction().equals(direction)) {
                    SecurityRuleText.match(rule, members).ifPresent(matches::add);
                }
            }
        }
        for (String match : matches) {
            nft.append("    ").append(match.isEmpty() ? "" : match + " ").append(verdict).append('\n');
        }
        nft.append("    drop\n  }\n");
    }

    private void replace(StringBuilder nft, String family) {
        nft.append(removal(table, family));
        nft.append("table ").append(family).append(' ').append(table).append(" {\n");
    }

    /** Removes the table if present (declaring it first makes the delete succeed when it is not). */
    static String removal(String table, String family) {
        return "table " + family + " " + table + " {}\ndelete table " + family + " " + table + "\n";
    }

    private String portMap(String chainPrefix) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            entries.add("\"" + DeviceNames.tap(ports.get(i).portId()) + "\" : jump " + chainPrefix + (i + 1));
        }
        return String.join(", ", entries);
    }

    private String markMap(String chainPrefix, int shift) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            entries.add(hex(portMark(i + 1) << shift) + " : jump " + chainPrefix + (i + 1));
        }
        return String.join(", ", entries);
    }

    private static String hex(int value) {
        return String.format("0x%08x", value);
    }
}
