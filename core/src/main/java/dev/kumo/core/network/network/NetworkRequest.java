package dev.kumo.core.network.network;

import java.util.List;

/**
 * A network to create, or the changes to one: null means "not given". The provider fields
 * ({@code networkType}, {@code physicalNetwork}, {@code segmentationId}) may only be given at creation.
 */
public record NetworkRequest(String name, String description, String projectId, Boolean adminStateUp,
                             Boolean shared, Boolean external, String networkType, String physicalNetwork,
                             Integer segmentationId, Integer mtu, Boolean portSecurityEnabled,
                             List<String> availabilityZoneHints, String dnsDomain, List<String> tags) {

    public boolean providerGiven() {
        return networkType != null || physicalNetwork != null || segmentationId != null;
    }

    public static NetworkRequest named(String name) {
        return new NetworkRequest(name, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
