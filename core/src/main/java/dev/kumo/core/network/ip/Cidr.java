package dev.kumo.core.network.ip;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/** A prefix, held normalised: {@code address} is the network address (host bits cleared). */
public record Cidr(IpAddress address, int prefixLength) {
    public Cidr {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > address.bits()) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is out of range for IPv" + address.version());
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(address.bits() - prefixLength).subtract(BigInteger.ONE);
        address = new IpAddress(address.version(), address.value().andNot(hostMask));
    }

    /**
     * {@code a.b.c.d/n} or {@code x::/n}; host bits may be set (they are cleared). Empty when the text has no
     * prefix length or is not an address and a prefix.
     */
    public static Optional<Cidr> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return Optional.empty();
        }
        Optional<IpAddress> address = IpAddress.tryParse(text.substring(0, slash));
        String length = text.substring(slash + 1);
        if (address.isEmpty() || length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(length);
        return prefix > address.get().bits() ? Optional.empty() : Optional.of(new Cidr(address.get(), prefix));
    }

    /** @throws IllegalArgumentException "'x' is not a valid IP subnet" */
    public static Cidr parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a valid IP subnet"));
    }

    public int version() {
        return address.version();
    }

    public IpAddress first() {
        return address;
    }

    public IpAddress last() {
        return new IpAddress(version(), address.value().add(size()).subtract(BigInteger.ONE));
    }

    /** How many addresses the prefix spans. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(address.bits() - prefixLength);
    }

    public boolean contains(IpAddress ip) {
        return ip.version() == version() && !ip.lessThan(first()) && !last().lessThan(ip);
    }

    public boolean overlaps(Cidr other) {
        return other.version() == version() && (contains(other.first()) || other.contains(first()));
    }

    /**
     * Whether a port may hold {@code ip} on this subnet: inside it and, for IPv4, neither the network nor the
     * broadcast address (Neutron's check_subnet_ip).
     */
    public boolean usableHost(IpAddress ip) {
        if (!contains(ip)) {
            return false;
        }
        if (version() == 6) {
            return true;
        }
        return prefixLength >= 31 || (!ip.equals(first()) && !ip.equals(last()));
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
