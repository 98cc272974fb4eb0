package dev.kumo.api.network;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Neutron's timestamps: UTC to the second, with a Z ({@code 2024-05-01T10:00:00Z}). */
final class NeutronTime {
    private NeutronTime() {}

    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
