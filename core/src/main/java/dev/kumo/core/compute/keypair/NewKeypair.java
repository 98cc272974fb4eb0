package dev.kumo.core.compute.keypair;

import java.util.Objects;

/** A created keypair and, when kumo generated it, the private key: shown to the caller once, then forgotten. */
public record NewKeypair(Keypair keypair, String privateKey) {
    public NewKeypair {
        Objects.requireNonNull(keypair, "keypair");
    }
}
