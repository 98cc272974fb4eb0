package dev.kumo.spi.compute;

import java.util.Objects;

/** Names an instance on a host: the server id and the host the scheduler placed it on. */
public record InstanceRef(String id, String host) {
    public InstanceRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
    }
}
