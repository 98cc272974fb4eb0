package dev.kumo.core.identity.token;

import java.time.Duration;

/** @param lifetime how long a new token is valid (Keystone's [token] expiration, default 1 h) */
public record TokenSettings(Duration lifetime) {
    public TokenSettings {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive");
        }
    }
}
