package dev.kumo.model.network;

import java.util.Objects;

/**
 * A Neutron port forwarding: traffic of {@code protocol} to {@code externalPort} of a floating IP goes to
 * {@code internalPort} of {@code internalIpAddress}, a fixed IPv4 address of {@code internalPortId}.
 *
 * @param protocol tcp or udp
 */
public record PortForwarding(String id, String floatingIpId, String internalPortId, String internalIpAddress,
                             int internalPort, int externalPort, String protocol, String description) {
    public PortForwarding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(floatingIpId, "floatingIpId");
        Objects.requireNonNull(internalPortId, "internalPortId");
        Objects.requireNonNull(internalIpAddress, "internalIpAddress");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(description, "description");
    }
}
