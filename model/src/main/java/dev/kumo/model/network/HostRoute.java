package dev.kumo.model.network;

import java.util.Objects;

/** A static route DHCP hands to the subnet's hosts: {@code destination} CIDR via {@code nexthop}. */
public record HostRoute(String destination, String nexthop) {
    public HostRoute {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(nexthop, "nexthop");
    }
}
