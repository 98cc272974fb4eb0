package dev.kumo.model.identity;

import java.util.UUID;

/** Keystone-style ids: a random UUID as 32 lowercase hex characters. */
public final class Ids {
    private Ids() {}

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
