package dev.kumo.dataplane;

import java.util.Objects;

/** A fixed DHCP lease, keyed by MAC address, as Neutron's dnsmasq host file has them. */
record DhcpHost(String mac, String ip, String hostname) {
    DhcpHost {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(hostname, "hostname");
    }

    String hostsFileLine() {
        return mac + "," + hostname + "," + ip;
    }
}
