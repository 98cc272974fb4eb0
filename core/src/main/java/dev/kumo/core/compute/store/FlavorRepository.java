package dev.kumo.core.compute.store;

import dev.kumo.core.compute.flavor.Flavor;
import java.util.List;
import java.util.Optional;

public interface FlavorRepository {
    Optional<Flavor> find(String id);

    Optional<Flavor> findByName(String name);

    /**
     * Flavors by id: with {@code all}, every flavor; otherwise public ones (or only those matching
     * {@code isPublic}) plus the private ones shared with {@code projectId} when it is not null.
     */
    List<Flavor> list(String projectId, boolean all, Boolean isPublic);

    void insert(Flavor flavor);

    void update(Flavor flavor);

    boolean delete(String id);

    boolean hasAccess(String flavorId, String projectId);

    List<String> accessList(String flavorId);

    void setAccess(String flavorId, String projectId, boolean granted);
}
