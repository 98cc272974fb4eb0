package dev.kumo.spi.network;

import java.util.Objects;

/** Whether a driver can work on this host, and if not, a reason a person can act on. */
public record OperationalStatus(boolean operational, String reason) {
    public OperationalStatus {
        Objects.requireNonNull(reason, "reason");
    }

    public static OperationalStatus ok(String detail) {
        return new OperationalStatus(true, detail);
    }

    public static OperationalStatus notOperational(String reason) {
        return new OperationalStatus(false, reason);
    }
}
