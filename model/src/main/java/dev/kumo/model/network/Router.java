package dev.kumo.model.network;

import java.util.List;
import java.util.Objects;

/**
 * A Neutron router. Its interfaces are ports whose device is the router; {@code gateway} is null when the
 * router has no external gateway.
 *
 * @param routes      static routes (Neutron's extraroute): destination CIDR via a next hop on an attached subnet
 * @param distributed accepted for admins and echoed; kumo's routers are centralised
 * @param ha          accepted for admins and echoed; kumo's routers run on one host
 * @param status      what the data path last reported
 */
public record Router(String id, String projectId, String name, boolean adminStateUp, ResourceStatus status,
                     RouterGateway gateway, List<HostRoute> routes, boolean distributed, boolean ha,
                     StandardAttributes standard) {
    public Router {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        routes = List.copyOf(routes);
        Objects.requireNonNull(standard, "standard");
    }

    public Router withStandard(StandardAttributes newStandard) {
        return new Router(id, projectId, name, adminStateUp, status, gateway, routes, distributed, ha, newStandard);
    }
}
