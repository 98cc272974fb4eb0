package dev.kumo.core.identity.store;

import java.util.List;
import java.util.Optional;

/**
 * Credentials ({@code /v3/credentials}, OS-EC2), queried directly rather than kept in the identity snapshot:
 * a cloud may hold one or more per user. They go when their user or their project is deleted.
 */
public interface CredentialRepository {
    /** Credentials of {@code userId} of {@code type}, each criterion ignored when null; ordered by id. */
    List<StoredCredential> list(String userId, String type);

    Optional<StoredCredential> get(String id);

    void insert(StoredCredential credential);

    void update(StoredCredential credential);

    /** @return whether it existed */
    boolean delete(String id);
}
