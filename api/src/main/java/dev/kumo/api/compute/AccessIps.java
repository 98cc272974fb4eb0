package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.AccessAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * {@code accessIPv4} and {@code accessIPv6} of a create or update body: checked as Nova's schema formats do
 * ("ipv4", "ipv6") and stored the way Nova shows them, IPv6 in its RFC 5952 canonical text.
 */
final class AccessIps {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";

    private AccessIps() {}

    static AccessAddresses parse(ObjectNode b) {
        String v4 = NovaBody.text(b, "accessIPv4");
        String v6 = NovaBody.text(b, "accessIPv6");
        if (v4 != null && !v4.matches(IPV4)) {
            throw invalid("accessIPv4", v4, "ipv4");
        }
        return new AccessAddresses(v4, v6 == null ? null : canonicalIpv6(v6));
    }

    static String canonicalIpv6(String text) {
        // only colon-containing text is parsed, so InetAddress takes it as a literal and never resolves a name
        if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            throw invalid("accessIPv6", text, "ipv6");
        }
        try {
            if (!(InetAddress.getByName(text) instanceof Inet6Address a)) {
                throw invalid("accessIPv6", text, "ipv6");
            }
            return compress(a.getAddress());
        } catch (UnknownHostException e) {
            throw invalid("accessIPv6", text, "ipv6");
        }
    }

    /** RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups as "::". */
    static String compress(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8; i++) {
            int len = 0;
            while (i + len < 8 && groups[i + len] == 0) {
                len++;
            }
            if (len > bestLen && len >= 2) {
                bestStart = i;
                bestLen = len;
            }
        }
        var sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static RuntimeException invalid(String field, String value, String format) {
        return ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. '%s' is not a '%s'",
                field, value, value, format);
    }
}
