package dev.kumo.core.identity;

import dev.kumo.core.identity.store.IdentityStore;
import java.util.Objects;

/** Hands out the current {@link IdentitySnapshot}, reloading it once after each committed write. */
public final class IdentityState {
    private final IdentityStore store;
    private volatile IdentitySnapshot snapshot;

    public IdentityState(IdentityStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public IdentitySnapshot current() {
        IdentitySnapshot s = snapshot;
        long generation = store.generation();
        if (s != null && s.generation() == generation) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            generation = store.generation();
            if (s == null || s.generation() != generation) {
                // read the generation before loading: a write racing the load leaves us stale, not wrong
                long at = generation;
                s = store.read(tx -> IdentitySnapshot.load(at, tx));
                snapshot = s;
            }
            return s;
        }
    }

    public IdentityStore store() {
        return store;
    }
}
