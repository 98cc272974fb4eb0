package dev.kumo.core.compute.server;

import java.time.Instant;
import java.util.Objects;

/** Why a server is in ERROR: shown as {@code fault} with message, code and when. */
public record Fault(int code, String message, Instant created) {
    public Fault {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(created, "created");
    }
}
