package dev.kumo.core.network.ip;

import java.math.BigInteger;

/**
 * IPv6 text: eight groups of up to four hex digits, one {@code ::} for a run of zero groups, an optional
 * dotted-quad tail; formatted as RFC 5952 says (lowercase, longest run of two or more zero groups as
 * {@code ::}, the first such run on a tie). No zone ids.
 */
final class Ipv6Text {
    private Ipv6Text() {}

    static BigInteger parse(String text) {
        int[] groups = new int[8];
        int dc = text.indexOf("::");
        if (dc >= 0 && text.indexOf("::", dc + 1) >= 0) {
            return null;
        }
        int[] head;
        int[] tail;
        if (dc >= 0) {
            head = groups(text.substring(0, dc), false);
            tail = groups(text.substring(dc + 2), true);
            if (head == null || tail == null || head.length + tail.length > 7) {
                return null;
            }
        } else {
            head = groups(text, true);
            tail = new int[0];
            if (head == null || head.length != 8) {
                return null;
            }
        }
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        BigInteger value = BigInteger.ZERO;
        for (int g : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        return value;
    }

    /** The 16-bit groups of one side of "::"; a dotted quad may end the text (allowDottedQuad). */
    private static int[] groups(String part, boolean allowDottedQuad) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] tokens = part.split(":", -1);
        int extra = 0;
        String last = tokens[tokens.length - 1];
        BigInteger v4 = null;
        if (allowDottedQuad && last.indexOf('.') >= 0) {
            v4 = Ipv4Text.parse(last);
            if (v4 == null) {
                return null;
            }
            extra = 1;
        }
        int[] out = new int[tokens.length + extra];
        for (int i = 0; i < tokens.length - extra; i++) {
            Integer g = hexGroup(tokens[i]);
            if (g == null) {
                return null;
            }
            out[i] = g;
        }
        if (v4 != null) {
            out[tokens.length - 1] = v4.intValue() >>> 16;
            out[tokens.length] = v4.intValue() & 0xffff;
        }
        return out;
    }

    /** Start and length of the first longest run of two or more zero groups; start -1 when there is none. */
    private static int[] longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        int i = 0;
        while (i < groups.length) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        return new int[] {bestStart, bestLength};
    }

    private static Integer hexGroup(String token) {
        if (token.isEmpty() || token.length() > 4) {
            return null;
        }
        int value = 0;
        for (int i = 0; i < token.length(); i++) {
            int d = Character.digit(token.charAt(i), 16);
            if (d < 0) {
                return null;
            }
            value = value * 16 + d;
        }
        return value;
    }

    private static final BigInteger V4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);
    private static final BigInteger LOW_32 = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

    static String format(BigInteger value) {
        if (value.andNot(LOW_32).equals(V4_MAPPED)) {
            // IPv4-mapped addresses keep their dotted quad, as netaddr (and RFC 5952 section 5) write them
            return "::ffff:" + Ipv4Text.format(value.and(LOW_32));
        }
        int[] groups = new int[8];
        for (int i = 7; i >= 0; i--) {
            groups[i] = value.intValue() & 0xffff;
            value = value.shiftRight(16);
        }
        int[] run = longestZeroRun(groups);
        int bestStart = run[0];
        int bestLength = run[1];
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            if (k == bestStart) {
                out.append("::");
                k += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[k]));
        }
        return out.toString();
    }
}
