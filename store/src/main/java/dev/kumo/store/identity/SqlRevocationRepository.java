package dev.kumo.store.identity;

import dev.kumo.core.identity.store.RevocationRepository;
import dev.kumo.core.identity.token.RevocationEvent;
import dev.kumo.model.identity.Ids;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Token revocation events in {@code revocation_event}. An event has no natural key (any criterion may be
 * absent, and the same event may be recorded twice), so each row gets an id made here.
 */
final class SqlRevocationRepository implements RevocationRepository {
    private final Handle handle;

    SqlRevocationRepository(Handle handle) {
        this.handle = handle;
    }

    /** Oldest first. */
    @Override
    public List<RevocationEvent> all() {
        return handle.createQuery("""
                        SELECT audit_id, user_id, project_id, application_credential_id, issued_before
                        FROM revocation_event ORDER BY issued_before, id""")
                .map((rs, ctx) -> new RevocationEvent(rs.getString("audit_id"), rs.getString("user_id"),
                        rs.getString("project_id"), rs.getString("application_credential_id"),
                        Columns.instant(rs, "issued_before")))
                .list();
    }

    @Override
    public void insert(RevocationEvent event) {
        handle.createUpdate("""
                        INSERT INTO revocation_event (id, audit_id, user_id, project_id, application_credential_id,
                            issued_before)
                        VALUES (:id, :auditId, :userId, :projectId, :applicationCredentialId, :issuedBefore)""")
                .bind("id", Ids.newId())
                .bind("auditId", event.auditId())
                .bind("userId", event.userId())
                .bind("projectId", event.projectId())
                .bind("applicationCredentialId", event.applicationCredentialId())
                .bind("issuedBefore", Columns.millis(event.issuedBefore()))
                .execute();
    }

    /** Deletes the events whose {@code issuedBefore} is strictly before {@code cutoff}. */
    @Override
    public int deleteIssuedBefore(Instant cutoff) {
        return handle.createUpdate("DELETE FROM revocation_event WHERE issued_before < :cutoff")
                .bind("cutoff", Columns.millis(cutoff))
                .execute();
    }
}
