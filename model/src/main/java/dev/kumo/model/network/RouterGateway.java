package dev.kumo.model.network;

import java.util.Objects;

/**
 * A router's external gateway: the external network it leaves through, whether it SNATs the attached
 * subnets out of the gateway address, and the port holding that address (its fixed IPs are Neutron's
 * {@code external_fixed_ips}).
 */
public record RouterGateway(String networkId, boolean enableSnat, String portId) {
    public RouterGateway {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(portId, "portId");
    }
}
