package dev.kumo.core.network.ip;

import java.math.BigInteger;
import java.util.Objects;

/** An inclusive range of addresses of one version; {@link #toString()} is Neutron's {@code first-last}. */
public record IpRange(IpAddress first, IpAddress last) {
    public IpRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.version() != last.version() || last.lessThan(first)) {
            throw new IllegalArgumentException("not a range: " + first + "-" + last);
        }
    }

    public int version() {
        return first.version();
    }

    public boolean contains(IpAddress ip) {
        return ip.version() == version() && !ip.lessThan(first) && !last.lessThan(ip);
    }

    public boolean overlaps(IpRange other) {
        return other.version() == version() && !last.lessThan(other.first) && !other.last.lessThan(first);
    }

    public BigInteger size() {
        return last.value().subtract(first.value()).add(BigInteger.ONE);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
