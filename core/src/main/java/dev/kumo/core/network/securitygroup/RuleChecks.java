package dev.kumo.core.network.securitygroup;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.Cidr;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Neutron's validation of a security group rule, with its wording; returns the rule's normalised fields. */
final class RuleChecks {
    /** Protocol names Neutron accepts (neutron-lib's IP_PROTOCOL_MAP), with their numbers. */
    static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("ah", 51), Map.entry("dccp", 33),
            Map.entry("egp", 8), Map.entry("esp", 50), Map.entry("gre", 47), Map.entry("hopopt", 0),
            Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ipip", 4), Map.entry("ipv6-encap", 41),
            Map.entry("ipv6-frag", 44), Map.entry("ipv6-icmp", 58), Map.entry("icmpv6", 58), Map.entry("ipv6-nonxt", 59),
            Map.entry("ipv6-opts", 60), Map.entry("ipv6-route", 43), Map.entry("ospf", 89), Map.entry("pgm", 113),
            Map.entry("rsvp", 46), Map.entry("sctp", 132), Map.entry("tcp", 6), Map.entry("udp", 17),
            Map.entry("udplite", 136), Map.entry("vrrp", 112));
    private static final Set<Integer> PORTED = Set.of(6, 17, 33, 132, 136);
    private static final Set<Integer> ICMP = Set.of(1, 58);

    private RuleChecks() {}

    record Normalised(String direction, String ethertype, String protocol, Integer min, Integer max, String prefix) {}

    static Normalised check(SecurityGroupRuleRequest in) {
        if (in.direction() == null || !List.of("ingress", "egress").contains(in.direction())) {
            throw NeutronErrors.invalidAttribute("direction", "'" + in.direction() + "' is not in ['ingress', 'egress']");
        }
        String ethertype = in.ethertype() == null ? "IPv4" : in.ethertype();
        if (!List.of("IPv4", "IPv6").contains(ethertype)) {
            throw NeutronErrors.typed(400, "SecurityGroupRuleInvalidEtherType", "Security group rule for ethertype "
                    + "'%s' not supported. Allowed values are ['IPv4', 'IPv6'].", ethertype);
        }
        String protocol = protocol(in.protocol());
        Integer number = protocol == null ? null : PROTOCOLS.getOrDefault(protocol, parseOrNull(protocol));
        ports(number, in.portRangeMin(), in.portRangeMax());
        if (in.remoteIpPrefix() != null && in.remoteGroupId() != null) {
            throw NeutronErrors.typed(400, "SecurityGroupRemoteGroupAndRemoteIpPrefix", "Only remote_ip_prefix or "
                    + "remote_group_id may be provided.");
        }
        String prefix = prefix(in.remoteIpPrefix(), ethertype);
        return new Normalised(in.direction(), ethertype, protocol, in.portRangeMin(), in.portRangeMax(), prefix);
    }

    /** A name (lower case) or a number 0-255, or null for any; Neutron keeps what was given. */
    private static String protocol(String given) {
        if (given == null || given.isEmpty() || given.equalsIgnoreCase("any")) {
            return null;
        }
        String p = given.toLowerCase(Locale.ROOT);
        Integer n = parseOrNull(p);
        if (PROTOCOLS.containsKey(p) || (n != null && n >= 0 && n <= 255)) {
            return p;
        }
        throw NeutronErrors.typed(400, "SecurityGroupRuleInvalidProtocol", "Security group rule protocol %s not "
                + "supported. Only protocol values [None, %s] and integer representations [0 to 255] are supported.",
                given, String.join(", ", PROTOCOLS.keySet().stream().sorted().map(k -> "'" + k + "'").toList()));
    }

    private static void ports(Integer protocol, Integer min, Integer max) {
        if ((min != null || max != null) && protocol == null) {
            throw NeutronErrors.typed(400, "SecurityGroupProtocolRequiredWithPorts",
                    "Must also specify protocol if port range is given.");
        }
        if (protocol != null && PORTED.contains(protocol)) {
            if ((min == null && max != null) || (min != null && max != null && min > max)) {
                throw NeutronErrors.typed(400, "SecurityGroupInvalidPortRange",
                        "For TCP/UDP protocols, port_range_min must be <= port_range_max");
            }
            for (Integer port : new Integer[] {min, max}) {
                if (port != null && (port < 1 || port > 65535)) {
                    throw NeutronErrors.typed(400, "SecurityGroupInvalidPortValue", "Invalid value for port %s", port);
                }
            }
        } else if (protocol != null && ICMP.contains(protocol)) {
            if (min == null && max != null) {
                throw NeutronErrors.typed(400, "SecurityGroupMissingIcmpType", "ICMP code (port-range-max) %s is "
                        + "provided but ICMP type (port-range-min) is missing.", max);
            }
            checkIcmp("type", "port-range-min", min);
            checkIcmp("code", "port-range-max", max);
        }
    }

    private static void checkIcmp(String field, String attribute, Integer value) {
        if (value != null && (value < 0 || value > 255)) {
            throw NeutronErrors.typed(400, "SecurityGroupInvalidIcmpValue", "Invalid value for ICMP %s (%s) %s. It "
                    + "must be 0 to 255.", field, attribute, value);
        }
    }

    /** The CIDR as its network address (Neutron normalises {@code 10.0.0.5/24} to {@code 10.0.0.0/24}). */
    private static String prefix(String given, String ethertype) {
        if (given == null) {
            return null;
        }
        String text = given.contains("/") ? given : given + (given.contains(":") ? "/128" : "/32");
        Cidr cidr = Cidr.tryParse(text).orElseThrow(() -> NeutronErrors.invalidAttribute("remote_ip_prefix",
                "'" + given + "' is not a valid IP subnet"));
        if ((cidr.version() == 4) != ethertype.equals("IPv4")) {
            throw NeutronErrors.invalidInput("Conflicting value ethertype %s for CIDR %s", ethertype, given);
        }
        return cidr.first() + "/" + cidr.prefixLength();
    }

    private static Integer parseOrNull(String s) {
        return s.matches("\\d{1,3}") ? Integer.valueOf(s) : null;
    }
}
