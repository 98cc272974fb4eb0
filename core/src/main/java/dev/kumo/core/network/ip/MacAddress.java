package dev.kumo.core.network.ip;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** MAC addresses: Neutron's normalised form (lowercase, colon-separated) and its {@code fa:16:3e} prefix. */
public final class MacAddress {
    /** Neutron's default base_mac: OpenStack's locally administered prefix. */
    public static final String PREFIX = "fa:16:3e";
    private static final RandomGenerator RANDOM = new SecureRandom();

    private MacAddress() {}

    /**
     * {@code text} in canonical form, accepting the separators netaddr does (':' or '-', or none), or empty
     * when it is not a MAC or is one no port may have (all zeros, broadcast, multicast).
     */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex = text.replace(":", "").replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() != 12 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0) || !wellSeparated(text)) {
            return Optional.empty();
        }
        int firstOctet = Integer.parseInt(hex.substring(0, 2), 16);
        if (hex.equals("000000000000") || (firstOctet & 1) == 1) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return Optional.of(out.toString());
    }

    private static boolean wellSeparated(String text) {
        return text.length() == 12 || (text.length() == 17 && (text.matches("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}")
                || text.matches("([0-9A-Fa-f]{2}-){5}[0-9A-Fa-f]{2}")));
    }

    /** A random address under {@link #PREFIX}. */
    public static String random() {
        byte[] tail = new byte[3];
        RANDOM.nextBytes(tail);
        return PREFIX + ":" + HexFormat.ofDelimiter(":").formatHex(tail);
    }

    /** The modified EUI-64 interface id of a MAC (RFC 4291): the SLAAC host part of an IPv6 address. */
    public static long eui64InterfaceId(String normalisedMac) {
        String hex = normalisedMac.replace(":", "");
        long mac = Long.parseLong(hex, 16);
        long upper = (mac >>> 24) ^ 0x020000L;
        long lower = mac & 0xffffffL;
        return (upper << 40) | (0xfffeL << 24) | lower;
    }
}
