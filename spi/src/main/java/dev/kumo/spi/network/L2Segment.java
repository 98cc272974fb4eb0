package dev.kumo.spi.network;

import java.util.Objects;

/**
 * Where a network's frames travel.
 *
 * @param physicalNetwork the physical network name (e.g. {@code physnet1}) for FLAT and VLAN, else null; the
 *                        driver maps it to a host bridge from its own configuration
 * @param segmentationId  the VLAN id or VXLAN VNI, null for FLAT and LOCAL
 */
public record L2Segment(NetworkType type, String physicalNetwork, Integer segmentationId) {
    public L2Segment {
        Objects.requireNonNull(type, "type");
    }
}
