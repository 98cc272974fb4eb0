package dev.kumo.spi.network;

import java.util.Map;
import java.util.Objects;

/**
 * A port as the data path left it.
 *
 * @param status     ACTIVE once plugged and passing traffic, DOWN when unbound or administratively down
 * @param vifType    how the compute service must attach the guest: {@code unbound} for an unbound port,
 *                   else the driver's type (e.g. {@code tap})
 * @param vifDetails what the compute service needs to attach it (e.g. the bridge name), JSON-compatible values
 * @param reason     why the port is not ACTIVE, or empty
 */
public record PortState(DataPathStatus status, String vifType, Map<String, Object> vifDetails, String reason) {
    public static final String UNBOUND = "unbound";

    public PortState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(vifType, "vifType");
        vifDetails = Map.copyOf(vifDetails);
        Objects.requireNonNull(reason, "reason");
    }

    public static PortState unbound() {
        return new PortState(DataPathStatus.DOWN, UNBOUND, Map.of(), "the port is not bound to a host");
    }
}
