package dev.kumo.core.compute.flavor;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.store.ComputeStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Flavors: everyone reads public ones and the private ones shared with their project; admins manage them. */
public final class FlavorService {
    private final ComputeStore store;

    public FlavorService(ComputeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Creates the default flavors on a fresh database; existing ones are left alone. */
    public void seedDefaults() {
        store.write(tx -> {
            for (Flavor f : DefaultFlavors.all()) {
                if (tx.flavors().find(f.id()).isEmpty() && tx.flavors().findByName(f.name()).isEmpty()) {
                    tx.flavors().insert(f);
                }
            }
            return null;
        });
    }

    /**
     * As Nova: admins filter by {@code isPublic} (null: all; true: public ones and those shared with the
     * admin's project; false: every private one); others see public flavors and those shared with them.
     */
    public List<Flavor> list(ComputeCaller caller, Boolean isPublic) {
        if (caller.admin()) {
            if (Boolean.TRUE.equals(isPublic)) {
                return store.read(tx -> tx.flavors().list(caller.projectId(), false, null));
            }
            return store.read(tx -> tx.flavors().list(null, isPublic == null, isPublic));
        }
        return store.read(tx -> tx.flavors().list(caller.projectId(), false, null));
    }

    /** A flavor the caller may see, by id (Nova also accepts a name where clients pass one). */
    public Flavor get(ComputeCaller caller, String id) {
        return store.read(tx -> {
            var flavor = tx.flavors().find(id).or(() -> tx.flavors().findByName(id))
                    .filter(f -> f.isPublic() || caller.admin() || tx.flavors().hasAccess(f.id(), caller.projectId()));
            return flavor.orElseThrow(() -> ComputeErrors.notFound("Flavor %s could not be found.", id));
        });
    }

    public Flavor create(ComputeCaller caller, Flavor in) {
        requireAdmin(caller, "os_compute_api:os-flavor-manage:create");
        FlavorRules.check(in);
        String id = in.id() == null || in.id().equals("auto") ? UUID.randomUUID().toString() : in.id();
        var flavor = new Flavor(id, in.name(), in.vcpus(), in.ramMb(), in.diskGb(), in.ephemeralGb(), in.swapMb(),
                in.rxtxFactor(), in.isPublic(), false, in.description(), Map.of());
        return store.write(tx -> {
            if (tx.flavors().find(id).isPresent()) {
                throw ComputeErrors.conflict("Flavor with ID %s already exists.", id);
            }
            if (tx.flavors().findByName(in.name()).isPresent()) {
                throw ComputeErrors.conflict("Flavor with name %s already exists.", in.name());
            }
            tx.flavors().insert(flavor);
            return flavor;
        });
    }

    public Flavor updateDescription(ComputeCaller caller, String id, String description) {
        requireAdmin(caller, "os_compute_api:os-flavor-manage:update");
        return store.write(tx -> {
            Flavor f = tx.flavors().find(id).orElseThrow(() -> ComputeErrors.notFound("Flavor %s could not be found.", id));
            var updated = new Flavor(f.id(), f.name(), f.vcpus(), f.ramMb(), f.diskGb(), f.ephemeralGb(), f.swapMb(),
                    f.rxtxFactor(), f.isPublic(), f.disabled(), description, f.extraSpecs());
            tx.flavors().update(updated);
            return updated;
        });
    }

    public void delete(ComputeCaller caller, String id) {
        requireAdmin(caller, "os_compute_api:os-flavor-manage:delete");
        store.write(tx -> {
            if (!tx.flavors().delete(id)) {
                throw ComputeErrors.notFound("Flavor %s could not be found.", id);
            }
            return null;
        });
    }

    public Map<String, String> setExtraSpecs(ComputeCaller caller, String id, Map<String, String> specs, boolean replace) {
        requireAdmin(caller, "os_compute_api:os-flavor-extra-specs:create");
        return store.write(tx -> {
            Flavor f = tx.flavors().find(id).orElseThrow(() -> ComputeErrors.notFound("Flavor %s could not be found.", id));
            var merged = new HashMap<>(replace ? Map.of() : f.extraSpecs());
            merged.putAll(specs);
            tx.flavors().update(f.withExtraSpecs(merged));
            return Map.copyOf(merged);
        });
    }

    public void deleteExtraSpec(ComputeCaller caller, String id, String key) {
        requireAdmin(caller, "os_compute_api:os-flavor-extra-specs:delete");
        store.write(tx -> {
            Flavor f = tx.flavors().find(id).orElseThrow(() -> ComputeErrors.notFound("Flavor %s could not be found.", id));
            if (!f.extraSpecs().containsKey(key)) {
                throw ComputeErrors.notFound("Flavor %s has no extra specs with key %s.", id, key);
            }
            var specs = new HashMap<>(f.extraSpecs());
            specs.remove(key);
            tx.flavors().update(f.withExtraSpecs(specs));
            return null;
        });
    }

    public List<String> access(ComputeCaller caller, String id) {
        requireAdmin(caller, "os_compute_api:os-flavor-access");
        return store.read(tx -> {
            Flavor f = tx.flavors().find(id).orElseThrow(() -> ComputeErrors.notFound("Flavor %s could not be found.", id));
            if (f.isPublic()) {
                throw ComputeErrors.notFound("Access list not available for public flavors.");
            }
            return tx.flavors().accessList(id);
        });
    }

    public List<String> changeAccess(ComputeCaller caller, String id, String projectId, boolean add) {
        requireAdmin(caller, "os_compute_api:os-flavor-access:" + (add ? "add_tenant_access" : "remove_tenant_access"));
        return store.write(tx -> {
            Flavor f = tx.flavors().find(id).orElseThrow(() -> ComputeErrors.notFound("Flavor %s could not be found.", id));
            if (f.isPublic()) {
                throw ComputeErrors.conflict("Can not add access to a public flavor.");
            }
            boolean has = tx.flavors().hasAccess(id, projectId);
            if (add && has) {
                throw ComputeErrors.conflict("Flavor access already exists for flavor %s and project %s combination.", id, projectId);
            }
            if (!add && !has) {
                throw ComputeErrors.notFound("Flavor access not found for %s / %s combination.", id, projectId);
            }
            tx.flavors().setAccess(id, projectId, add);
            return tx.flavors().accessList(id);
        });
    }

    private static void requireAdmin(ComputeCaller caller, String action) {
        if (!caller.admin()) {
            throw ComputeErrors.policy(action);
        }
    }
}
