package dev.kumo.spi.network;

/**
 * The names of the host objects that belong to networks, ports and routers, as Neutron names them. Both the
 * network driver (which creates and plugs a port's tap device) and the virt driver (which hands the tap to the
 * guest) derive them from the owner's id, so each finds the other's objects and a sweep can find leftovers.
 * Linux interface names are at most 15 characters: a 3-letter prefix and 11 characters of the id.
 */
public final class DeviceNames {
    private static final int ID_CHARS = 11;

    private DeviceNames() {}

    /** The tap device of a VM port: {@code tap<port id prefix>}. */
    public static String tap(String portId) {
        return "tap" + prefix(portId);
    }

    /** The bridge that carries a network on a host: {@code brq<network id prefix>}. */
    public static String bridge(String networkId) {
        return "brq" + prefix(networkId);
    }

    /** A router's interface on a tenant subnet: {@code qr-<port id prefix>}. */
    public static String routerInterface(String portId) {
        return "qr-" + prefix(portId);
    }

    /** A router's gateway interface on the external network: {@code qg-<port id prefix>}. */
    public static String routerGateway(String portId) {
        return "qg-" + prefix(portId);
    }

    /** The namespace of a network's DHCP service. */
    public static String dhcpNamespace(String networkId) {
        return "qdhcp-" + networkId;
    }

    /** The namespace of a router. */
    public static String routerNamespace(String routerId) {
        return "qrouter-" + routerId;
    }

    private static String prefix(String id) {
        return id.length() <= ID_CHARS ? id : id.substring(0, ID_CHARS);
    }
}
