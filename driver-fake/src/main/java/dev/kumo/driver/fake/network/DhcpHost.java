package dev.kumo.driver.fake.network;

import java.util.List;
import java.util.Objects;

/** A line of the network's DHCP hosts file: the port's MAC gets these addresses and this host name. */
public record DhcpHost(String macAddress, List<String> ipAddresses, String hostname) {
    public DhcpHost {
        Objects.requireNonNull(macAddress, "macAddress");
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(hostname, "hostname");
    }
}
