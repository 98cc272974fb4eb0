package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the create request's {@code networks} into what to attach, checking every network and port exists
 * for the caller: not given or "auto" means the project's only usable network (several → 409, as Nova asks
 * which); "none" means no NIC.
 */
final class ServerNetworks {
    private final NetworkPlumbing network;

    ServerNetworks(NetworkPlumbing network) {
        this.network = network;
    }

    List<NetworkRequest> resolve(ComputeCaller caller, List<NetworkRequest> requested, String mode, int count) {
        if ("none".equals(mode)) {
            return List.of();
        }
        if (requested == null || "auto".equals(mode)) {
            var usable = network.usableNetworks(caller);
            if (usable.size() > 1) {
                throw ComputeErrors.conflict("Multiple possible networks found, use a Network ID to be more specific.");
            }
            if (usable.isEmpty() && "auto".equals(mode)) {
                throw ComputeErrors.badRequest("Unable to automatically allocate a network for project %s", caller.projectId());
            }
            return usable.stream().map(n -> new NetworkRequest(n.id(), null, null)).toList();
        }
        var out = new ArrayList<NetworkRequest>();
        for (NetworkRequest r : requested) {
            out.add(r.portId() != null ? port(caller, r, count) : net(caller, r));
        }
        return out;
    }

    private NetworkRequest port(ComputeCaller caller, NetworkRequest r, int count) {
        var port = network.port(caller, r.portId())
                .orElseThrow(() -> ComputeErrors.badRequest("Port %s could not be found.", r.portId()));
        if (port.deviceId() != null && !port.deviceId().isEmpty()) {
            throw ComputeErrors.conflict("Port %s is still in use.", r.portId());
        }
        if (count > 1) {
            throw ComputeErrors.badRequest("Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports.");
        }
        return new NetworkRequest(port.networkId(), port.id(), null);
    }

    private NetworkRequest net(ComputeCaller caller, NetworkRequest r) {
        if (r.networkId() == null) {
            throw ComputeErrors.badRequest("Bad networks format: network uuid is not in proper format (%s)", r.networkId());
        }
        network.network(caller, r.networkId())
                .orElseThrow(() -> ComputeErrors.badRequest("Network %s could not be found.", r.networkId()));
        return r;
    }
}
