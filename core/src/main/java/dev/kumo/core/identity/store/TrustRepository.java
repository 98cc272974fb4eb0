package dev.kumo.core.identity.store;

import dev.kumo.model.identity.Trust;
import java.util.List;

public interface TrustRepository {
    List<Trust> all();

    void insert(Trust trust);

    /** Records one more use of a trust with limited uses. */
    void setRemainingUses(String id, int remainingUses);

    void delete(String id);
}
