package dev.kumo.core.compute.store;

import dev.kumo.core.compute.keypair.Keypair;
import java.util.List;
import java.util.Optional;

public interface KeypairRepository {
    Optional<Keypair> find(String userId, String name);

    List<Keypair> list(String userId);

    int count(String userId);

    void insert(Keypair keypair);

    boolean delete(String userId, String name);
}
