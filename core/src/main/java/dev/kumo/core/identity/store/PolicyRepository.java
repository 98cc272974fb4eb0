package dev.kumo.core.identity.store;

import dev.kumo.model.identity.PolicyDocument;
import java.util.List;
import java.util.Optional;

/** The opaque documents of {@code /v3/policies}. */
public interface PolicyRepository {
    /** Every policy of {@code type}, or all when it is null; ordered by id. */
    List<PolicyDocument> list(String type);

    Optional<PolicyDocument> get(String id);

    void insert(PolicyDocument policy);

    void update(PolicyDocument policy);

    /** @return whether it existed */
    boolean delete(String id);
}
