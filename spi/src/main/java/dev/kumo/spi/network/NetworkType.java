package dev.kumo.spi.network;

import java.util.Locale;
import java.util.Optional;

/** The kinds of L2 segment a driver may carry a network on (Neutron's {@code provider:network_type}). */
public enum NetworkType {
    /** Untagged on a physical network (a host bridge such as {@code br-ex}). */
    FLAT,
    /** 802.1Q-tagged on a physical network. */
    VLAN,
    /** An overlay between hosts, identified by its VNI; 50 bytes of overhead, hence MTU 1450. */
    VXLAN,
    /** Confined to one host. */
    LOCAL;

    /** The name Neutron's API uses: {@code flat}, {@code vlan}, {@code vxlan}, {@code local}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NetworkType> fromApiName(String name) {
        for (NetworkType type : values()) {
            if (type.apiName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
