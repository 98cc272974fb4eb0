package dev.kumo.model.network;

import java.util.Map;
import java.util.Objects;

/**
 * Where and how a port is plugged (Neutron's {@code binding:*} attributes).
 *
 * @param hostId     the host the port lives on; empty while unbound
 * @param vnicType   {@code normal} for a tap device, or a passthrough kind
 * @param profile    free-form information from the compute service
 * @param vifType    what the data path made of it: {@code unbound}, {@code binding_failed}, or the driver's type
 * @param vifDetails the data path's details for the compute service (e.g. the bridge name)
 */
public record PortBinding(String hostId, String vnicType, Map<String, Object> profile, String vifType,
                          Map<String, Object> vifDetails) {
    public static final String UNBOUND = "unbound";
    public static final String BINDING_FAILED = "binding_failed";

    public PortBinding {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(vnicType, "vnicType");
        profile = Map.copyOf(profile);
        Objects.requireNonNull(vifType, "vifType");
        vifDetails = Map.copyOf(vifDetails);
    }

    public boolean bound() {
        return !hostId.isEmpty();
    }
}
