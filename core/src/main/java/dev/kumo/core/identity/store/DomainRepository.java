package dev.kumo.core.identity.store;

import dev.kumo.model.identity.Domain;
import java.util.List;

public interface DomainRepository {
    List<Domain> all();

    void insert(Domain domain);

    void update(Domain domain);

    void delete(String id);
}
