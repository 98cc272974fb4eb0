package dev.kumo.core.compute.keypair;

import java.time.Instant;
import java.util.Objects;

/** A user's public key under a name. The private key is never stored. */
public record Keypair(String userId, String name, String type, String fingerprint, String publicKey, Instant createdAt) {
    public Keypair {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKey, "publicKey");
    }
}
