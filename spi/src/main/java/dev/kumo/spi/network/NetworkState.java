package dev.kumo.spi.network;

import java.util.Objects;

/** A network as the data path left it: its status and, when not ACTIVE, why (or an empty reason). */
public record NetworkState(DataPathStatus status, String reason) {
    public NetworkState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    public static NetworkState active() {
        return new NetworkState(DataPathStatus.ACTIVE, "");
    }
}
