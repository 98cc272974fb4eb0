package dev.kumo.core.compute.console;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** What a console token opens: the server's serial console socket, until {@code expiresAt}. */
public record ConsoleGrant(String serverId, Path socket, Instant expiresAt) {
    public ConsoleGrant {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
