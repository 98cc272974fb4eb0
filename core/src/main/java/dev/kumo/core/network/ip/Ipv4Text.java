package dev.kumo.core.network.ip;

import java.math.BigInteger;

/** Dotted-quad text: exactly four decimal octets, no leading zeros (which some parsers read as octal). */
final class Ipv4Text {
    private Ipv4Text() {}

    static BigInteger parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int octet = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                octet = octet * 10 + (c - '0');
            }
            if (octet > 255) {
                return null;
            }
            value = (value << 8) | octet;
        }
        return BigInteger.valueOf(value);
    }

    static String format(BigInteger value) {
        long v = value.longValue();
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }
}
