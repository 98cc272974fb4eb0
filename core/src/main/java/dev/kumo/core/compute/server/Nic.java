package dev.kumo.core.compute.server;

import java.util.List;
import java.util.Objects;

/** One of a server's ports as {@code addresses} shows it: network name, MAC, fixed IPs (with their versions). */
public record Nic(String portId, String networkId, String networkName, String macAddress, List<String> fixedIps,
                  boolean createdByCompute) {
    public Nic {
        Objects.requireNonNull(portId, "portId");
        fixedIps = List.copyOf(fixedIps);
    }
}
