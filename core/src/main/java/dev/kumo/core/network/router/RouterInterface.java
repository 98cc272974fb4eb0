package dev.kumo.core.network.router;

import java.util.List;
import java.util.Objects;

/** What add/remove_router_interface answer: the router, the interface port and its subnets. */
public record RouterInterface(String routerId, String projectId, String portId, String networkId, String subnetId,
                              List<String> subnetIds) {
    public RouterInterface {
        Objects.requireNonNull(routerId, "routerId");
        subnetIds = List.copyOf(subnetIds);
    }
}
