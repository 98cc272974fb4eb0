package dev.kumo.server.metadata;

import java.util.List;
import java.util.Objects;

/**
 * One network interface of an instance as network_data.json describes it: the port, its MAC, the network's MTU
 * and the port's addresses with their subnets.
 *
 * @param type the link type Nova reports (the port's VIF type, e.g. {@code bridge})
 */
public record Vif(String portId, String macAddress, int mtu, String networkId, String type, List<VifSubnet> subnets) {
    public Vif {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(macAddress, "macAddress");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(type, "type");
        subnets = List.copyOf(subnets);
    }

    /** The guest-visible device name Nova uses as the link id: Neutron's tap device name. */
    public String deviceName() {
        return "tap" + portId.substring(0, Math.min(11, portId.length()));
    }
}
