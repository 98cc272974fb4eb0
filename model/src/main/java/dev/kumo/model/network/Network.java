package dev.kumo.model.network;

import java.util.List;
import java.util.Objects;

/**
 * A Neutron network.
 *
 * @param external              Neutron's {@code router:external}: floating IPs and router gateways come from it
 * @param status                what the data path last reported
 * @param availabilityZoneHints as requested; where it actually runs is the service's answer
 * @param subnetIds             its subnets, derived (not stored with the network)
 */
public record Network(String id, String projectId, String name, boolean adminStateUp, boolean shared,
                      boolean external, Segment segment, int mtu, boolean portSecurityEnabled, ResourceStatus status,
                      List<String> availabilityZoneHints, String dnsDomain, List<String> subnetIds,
                      StandardAttributes standard) {
    public Network {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(status, "status");
        availabilityZoneHints = List.copyOf(availabilityZoneHints);
        Objects.requireNonNull(dnsDomain, "dnsDomain");
        subnetIds = List.copyOf(subnetIds);
        Objects.requireNonNull(standard, "standard");
    }

    public Network withStandard(StandardAttributes newStandard) {
        return new Network(id, projectId, name, adminStateUp, shared, external, segment, mtu, portSecurityEnabled,
                status, availabilityZoneHints, dnsDomain, subnetIds, newStandard);
    }
}
