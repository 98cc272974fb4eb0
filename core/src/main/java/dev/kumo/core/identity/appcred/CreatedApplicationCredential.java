package dev.kumo.core.identity.appcred;

import dev.kumo.model.identity.ApplicationCredential;

/** A new credential and its secret in clear: the only time anyone sees it, as kumo keeps just its hash. */
public record CreatedApplicationCredential(ApplicationCredential credential, String secret) {
    @Override
    public String toString() {
        return "CreatedApplicationCredential[" + credential + ", secret=<hidden>]";
    }
}
