package dev.kumo.core.identity.store;

import dev.kumo.core.identity.token.RevocationEvent;
import java.time.Instant;
import java.util.List;

public interface RevocationRepository {
    List<RevocationEvent> all();

    void insert(RevocationEvent event);

    /** Events older than every token they could match are useless; drop them. */
    int deleteIssuedBefore(Instant cutoff);
}
