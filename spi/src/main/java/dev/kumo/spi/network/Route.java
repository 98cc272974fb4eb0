package dev.kumo.spi.network;

import java.util.Objects;

/** A static route handed to hosts by DHCP: {@code destination} CIDR via {@code nexthop}. */
public record Route(String destination, String nexthop) {
    public Route {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(nexthop, "nexthop");
    }
}
