package dev.kumo.core.network.ip;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as a number. {@link #toString()} is the canonical text (dotted quad; RFC 5952
 * compressed lowercase IPv6), the form Neutron returns. Parsing never touches DNS: {@code InetAddress} would.
 */
public record IpAddress(int version, BigInteger value) implements Comparable<IpAddress> {
    private static final BigInteger MAX_V4 = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    private static final BigInteger MAX_V6 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    public IpAddress {
        if (version != 4 && version != 6) {
            throw new IllegalArgumentException("IP version must be 4 or 6, not " + version);
        }
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(version == 4 ? MAX_V4 : MAX_V6) > 0) {
            throw new IllegalArgumentException("address out of range for IPv" + version + ": " + value);
        }
    }

    /** The address, or empty when {@code text} is not one in canonical-enough form. */
    public static Optional<IpAddress> tryParse(String text) {
        if (text == null || text.isEmpty() || !text.strip().equals(text)) {
            return Optional.empty();
        }
        BigInteger v = text.indexOf(':') >= 0 ? Ipv6Text.parse(text) : Ipv4Text.parse(text);
        return v == null ? Optional.empty() : Optional.of(new IpAddress(text.indexOf(':') >= 0 ? 6 : 4, v));
    }

    /** @throws IllegalArgumentException "'x' is not a valid IP address" */
    public static IpAddress parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a valid IP address"));
    }

    public static IpAddress of(int version, BigInteger value) {
        return new IpAddress(version, value);
    }

    public int bits() {
        return version == 4 ? 32 : 128;
    }

    public IpAddress plus(long n) {
        return new IpAddress(version, value.add(BigInteger.valueOf(n)));
    }

    /**
     * A fixed-width hexadecimal form that sorts like the numbers do (8 digits for IPv4, 32 for IPv6), for
     * range queries over stored addresses.
     */
    public String key() {
        String hex = value.toString(16);
        int width = version == 4 ? 8 : 32;
        return "0".repeat(width - hex.length()) + hex;
    }

    @Override
    public int compareTo(IpAddress other) {
        int byVersion = Integer.compare(version, other.version);
        return byVersion != 0 ? byVersion : value.compareTo(other.value);
    }

    public boolean lessThan(IpAddress other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return version == 4 ? Ipv4Text.format(value) : Ipv6Text.format(value);
    }
}
