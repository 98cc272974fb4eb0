package dev.kumo.driver.linux;

import dev.kumo.spi.network.SecurityRuleSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One security group rule as an nftables match. IPv6 rules are left out (the ports' IPv6 traffic is dropped
 * by anti-spoofing until IPv6 is carried), and so are rules that can match nothing: a remote group without
 * IPv4 members, a protocol nft does not know.
 */
final class SecurityRuleText {
    private static final Map<String, Integer> PROTOCOL_NUMBERS = Map.ofEntries(Map.entry("icmp", 1),
            Map.entry("igmp", 2), Map.entry("ipip", 4), Map.entry("tcp", 6), Map.entry("egp", 8),
            Map.entry("udp", 17), Map.entry("dccp", 33), Map.entry("rsvp", 46), Map.entry("gre", 47),
            Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("ospf", 89), Map.entry("pgm", 113),
            Map.entry("vrrp", 112), Map.entry("sctp", 132), Map.entry("udplite", 136));
    private static final Map<Integer, String> WITH_PORTS = Map.of(6, "tcp", 17, "udp", 33, "dccp", 132, "sctp");

    private SecurityRuleText() {}

    /**
     * The match of {@code rule} seen from the port: for ingress the remote side is the source, for egress the
     * destination.
     *
     * @param members the IPv4 addresses of each group's member ports
     */
    static Optional<String> match(SecurityRuleSpec rule, Map<String, Set<String>> members) {
        if (!"IPv4".equalsIgnoreCase(rule.ethertype())) {
            return Optional.empty();
        }
        String side = "ingress".equals(rule.direction()) ? "saddr" : "daddr";
        StringBuilder match = new StringBuilder();
        if (rule.remoteIpPrefix() != null && !rule.remoteIpPrefix().isBlank()) {
            if (!Ipv4Cidr.isIpv4(rule.remoteIpPrefix())) {
                return Optional.empty();
            }
            Ipv4Cidr prefix = Ipv4Cidr.parse(rule.remoteIpPrefix());
            if (prefix.prefixLength() > 0) {
                match.append("ip ").append(side).append(' ').append(prefix).append(' ');
            }
        } else if (rule.remoteGroupId() != null) {
            Set<String> ips = members.getOrDefault(rule.remoteGroupId(), Set.of());
            if (ips.isEmpty()) {
                return Optional.empty();
            }
            match.append("ip ").append(side).append(" { ").append(String.join(", ", ips.stream().sorted().toList()))
                    .append(" } ");
        }
        Optional<String> protocol = protocolMatch(rule);
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        match.append(protocol.get());
        return Optional.of(match.toString().strip());
    }

    private static Optional<String> protocolMatch(SecurityRuleSpec rule) {
        String name = rule.protocol() == null ? "" : rule.protocol().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("any")) {
            return Optional.of("");
        }
        Integer number = PROTOCOL_NUMBERS.get(name);
        if (number == null) {
            try {
                number = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (number == 1) {
            return Optional.of(icmp(rule));
        }
        String withPorts = WITH_PORTS.get(number);
        if (withPorts == null || rule.portRangeMin() == null) {
            return Optional.of("meta l4proto " + number);
        }
        int max = rule.portRangeMax() == null ? rule.portRangeMin() : rule.portRangeMax();
        String range = max == rule.portRangeMin() ? Integer.toString(max) : rule.portRangeMin() + "-" + max;
        return Optional.of("meta l4proto " + withPorts + " " + withPorts + " dport " + range);
    }

    /** For ICMP the port range holds the type and code. */
    private static String icmp(SecurityRuleSpec rule) {
        if (rule.portRangeMin() == null) {
            return "meta l4proto icmp";
        }
        String text = "icmp type " + rule.portRangeMin();
        return rule.portRangeMax() == null ? text : text + " icmp code " + rule.portRangeMax();
    }
}
