package dev.kumo.driver.linux;

/** An IPv4 prefix such as {@code 10.0.0.0/24}, with the arithmetic DHCP and NAT need. */
record Ipv4Cidr(long network, int prefixLength) {

    static Ipv4Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return new Ipv4Cidr(toLong(cidr), 32);
        }
        int length = Integer.parseInt(cidr.substring(slash + 1));
        return new Ipv4Cidr(toLong(cidr.substring(0, slash)) & mask(length), length);
    }

    static boolean isIpv4(String addressOrCidr) {
        return addressOrCidr != null && !addressOrCidr.contains(":");
    }

    static long toLong(String address) {
        String[] parts = address.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        long value = 0;
        for (String part : parts) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    static String toAddress(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }

    private static long mask(int length) {
        return length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
    }

    String networkAddress() {
        return toAddress(network);
    }

    String netmask() {
        return toAddress(mask(prefixLength));
    }

    boolean contains(String address) {
        return (toLong(address) & mask(prefixLength)) == network;
    }

    /** The highest address hosts may use (the one below the broadcast address). */
    long lastHost() {
        return network + (1L << (32 - prefixLength)) - 2;
    }

    @Override
    public String toString() {
        return networkAddress() + "/" + prefixLength;
    }
}
