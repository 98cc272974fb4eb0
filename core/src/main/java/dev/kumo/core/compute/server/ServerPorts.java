package dev.kumo.core.compute.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The networking step of a build: ports for what the server asked for. Idempotent after a crash: a port the
 * network service already has for this server (same network) is reused rather than created again.
 */
final class ServerPorts {
    private ServerPorts() {}

    static List<Nic> plug(NetworkPlumbing network, Server s) {
        var existing = new ArrayList<>(network.portsOf(s));
        var nics = new ArrayList<Nic>();
        for (NetworkRequest r : s.networks()) {
            if (r.portId() != null) {
                nics.add(network.bindPort(s, r.portId()));
                existing.removeIf(n -> n.portId().equals(r.portId()));
                continue;
            }
            Nic reused = existing.stream().filter(n -> n.networkId().equals(r.networkId())).findFirst().orElse(null);
            if (reused != null) {
                existing.remove(reused);
                nics.add(reused);
            } else {
                nics.add(network.createPort(s, r.networkId(), r.fixedIp()));
            }
        }
        return nics;
    }
}
