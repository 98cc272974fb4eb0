package dev.kumo.driver.linux;

import dev.kumo.spi.network.NetworkSpec;

/** Where a plumbed network lives on this host: its bridge and MTU, with the spec it was plumbed from. */
record NetworkPlacement(NetworkSpec spec, String bridge, int mtu) {

    /** The gateway of the subnet that holds {@code address}, or null. */
    String gatewayFor(String address) {
        return spec.subnets().stream()
                .filter(s -> s.ipVersion() == 4 && s.gatewayIp() != null && Ipv4Cidr.parse(s.cidr()).contains(address))
                .map(s -> s.gatewayIp()).findFirst().orElse(null);
    }
}
