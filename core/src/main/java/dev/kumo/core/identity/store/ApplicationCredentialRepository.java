package dev.kumo.core.identity.store;

import dev.kumo.model.identity.ApplicationCredential;
import java.util.List;
import java.util.Optional;

public interface ApplicationCredentialRepository {
    List<ApplicationCredential> all();

    void insert(ApplicationCredential credential, String secretHash);

    Optional<String> secretHash(String id);

    void delete(String id);
}
