package dev.kumo.core.identity.store;

import java.util.Optional;

/** Small named secrets shared by every node of a cloud, e.g. the token encryption key. */
public interface SecretRepository {
    Optional<String> get(String name);

    /** Stores {@code value} unless the name exists; returns what is stored afterwards. */
    String putIfAbsent(String name, String value);
}
