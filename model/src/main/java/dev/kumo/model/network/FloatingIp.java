package dev.kumo.model.network;

import java.util.Objects;

/**
 * A Neutron floating IP: an address of an external network, held by {@code floatingPortId}, NATed to
 * {@code fixedIpAddress} of {@code portId} through {@code routerId} when associated (all three null when not).
 *
 * @param status ACTIVE when associated and carried by the data path, DOWN otherwise
 */
public record FloatingIp(String id, String projectId, String floatingNetworkId, String floatingIpAddress,
                         String floatingPortId, String portId, String fixedIpAddress, String routerId,
                         ResourceStatus status, StandardAttributes standard) {
    public FloatingIp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(floatingNetworkId, "floatingNetworkId");
        Objects.requireNonNull(floatingIpAddress, "floatingIpAddress");
        Objects.requireNonNull(floatingPortId, "floatingPortId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(standard, "standard");
    }

    public boolean associated() {
        return portId != null;
    }

    public FloatingIp withStandard(StandardAttributes newStandard) {
        return new FloatingIp(id, projectId, floatingNetworkId, floatingIpAddress, floatingPortId, portId,
                fixedIpAddress, routerId, status, newStandard);
    }

    /** Associated with {@code fixedIp} of {@code port} through {@code router}, or disassociated when all are null. */
    public FloatingIp associatedWith(String port, String fixedIp, String router, ResourceStatus newStatus) {
        return new FloatingIp(id, projectId, floatingNetworkId, floatingIpAddress, floatingPortId, port, fixedIp, router,
                newStatus, standard);
    }
}
