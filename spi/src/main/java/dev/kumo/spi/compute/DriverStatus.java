package dev.kumo.spi.compute;

import java.util.Objects;

/** Whether a virt driver can work on this machine, and if not a reason a person can act on. */
public record DriverStatus(boolean operational, String reason) {
    public DriverStatus {
        Objects.requireNonNull(reason, "reason");
    }

    public static DriverStatus ok(String detail) {
        return new DriverStatus(true, detail);
    }

    public static DriverStatus notOperational(String reason) {
        return new DriverStatus(false, reason);
    }
}
