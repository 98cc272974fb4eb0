package dev.kumo.core.compute.server;

import java.util.List;
import java.util.Objects;

/** One of a server's ports as Nova's {@code os-interface} shows it: port, network, MAC, state, fixed IPs. */
public record InterfaceAttachment(String portId, String networkId, String macAddress, String portState,
                                  List<FixedAddress> fixedIps) {
    public InterfaceAttachment {
        Objects.requireNonNull(portId, "portId");
        fixedIps = List.copyOf(fixedIps);
    }

    /** A fixed IP with the subnet it is on. */
    public record FixedAddress(String subnetId, String ipAddress) {}
}
