package dev.kumo.core.identity.store;

import dev.kumo.model.identity.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface UserRepository {
    List<User> all();

    /** {@code passwordHash} may be null: a user without a password cannot authenticate by password. */
    void insert(User user, String passwordHash);

    void update(User user);

    void delete(String id);

    Optional<String> passwordHash(String userId);

    void setPassword(String userId, String passwordHash, Instant changedAt, Instant expiresAt);
}
