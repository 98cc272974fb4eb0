package dev.kumo.model.network;

import java.util.Objects;

/**
 * The L2 segment a network is carried on (Neutron's {@code provider:*} attributes).
 *
 * @param networkType     {@code flat}, {@code vlan}, {@code vxlan} or {@code local}
 * @param physicalNetwork the physical network (e.g. {@code physnet1}) for flat and vlan, else null
 * @param segmentationId  VLAN id or VXLAN VNI, null for flat and local
 */
public record Segment(String networkType, String physicalNetwork, Integer segmentationId) {
    public Segment {
        Objects.requireNonNull(networkType, "networkType");
    }
}
