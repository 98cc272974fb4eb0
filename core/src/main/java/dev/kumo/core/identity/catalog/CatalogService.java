package dev.kumo.core.identity.catalog;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.Extras;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.Validation;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.Region;
import dev.kumo.model.identity.Service;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Regions, services and endpoints. Writes are for admins; regions may be read by anyone with a token,
 * services and endpoints by readers (Keystone's default policies).
 */
public final class CatalogService {
    static final Set<String> INTERFACES = Set.of("admin", "internal", "public");

    private final IdentityState state;

    public CatalogService(IdentityState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    // ---- regions

    /** Creates a region; {@code in.id()} chooses its id (POST with an id, or PUT /regions/{id}), else one is made. */
    public Region createRegion(Token caller, RegionChanges in) {
        Policy.requireAdmin(caller, "identity:create_region");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            String id = in.id() == null || in.id().isEmpty() ? Ids.newId() : regionId(in.id());
            if (s.regions().containsKey(id)) {
                throw CloudError.conflict("Conflict", "Conflict occurred attempting to store region - Duplicate ID, %s.", id);
            }
            if (in.parentRegionId() != null) {
                findRegion(s, in.parentRegionId());
            }
            var region = new Region(id, orEmpty(in.description()), in.parentRegionId(), Extras.initial(in.extra()));
            tx.catalog().insertRegion(region);
            return region;
        });
    }

    public Region region(Token caller, String id) {
        Objects.requireNonNull(caller, "caller");
        return findRegion(state.current(), id);
    }

    public List<Region> regions(Token caller, String parentRegionId) {
        Objects.requireNonNull(caller, "caller");
        return state.current().regions().values().stream()
                .filter(r -> parentRegionId == null || parentRegionId.equals(r.parentRegionId())).toList();
    }

    public Region updateRegion(Token caller, String id, RegionChanges in) {
        Policy.requireAdmin(caller, "identity:update_region");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Region old = findRegion(s, id);
            requireSameId(in.id(), id);
            String parent = in.parentGiven() ? in.parentRegionId() : old.parentRegionId();
            if (in.parentGiven() && parent != null) {
                findRegion(s, parent);
                requireNoCycle(s, id, parent);
            }
            var updated = new Region(id, in.description() == null ? old.description() : in.description(), parent,
                    Extras.merge(old.extra(), in.extra()));
            tx.catalog().updateRegion(updated);
            return updated;
        });
    }

    /** Deletes the region and, as Keystone does, its whole subtree, unless an endpoint lives anywhere in it. */
    public void deleteRegion(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_region");
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            findRegion(s, id);
            Set<String> subtree = subtree(s, id);
            if (s.endpoints().values().stream().anyMatch(e -> subtree.contains(e.regionId()))) {
                throw CloudError.forbidden("Unable to delete region %s because it or its child regions have "
                        + "associated endpoints.", id);
            }
            subtree.forEach(tx.catalog()::deleteRegion);
            return null;
        });
    }

    // ---- services

    public Service createService(Token caller, ServiceChanges in) {
        Policy.requireAdmin(caller, "identity:create_service");
        String type = Validation.name(in.type(), "type");
        String name = in.name() == null ? "" : Validation.name(in.name(), "name");
        return state.store().write(tx -> {
            var service = new Service(Ids.newId(), type, name, in.description(), in.enabled() == null || in.enabled(),
                    Extras.initial(in.extra()));
            tx.catalog().insertService(service);
            return service;
        });
    }

    public Service service(Token caller, String id) {
        Policy.requireReader(caller, "identity:get_service");
        return findService(state.current(), id);
    }

    public List<Service> services(Token caller, ServiceFilter filter) {
        Policy.requireReader(caller, "identity:list_services");
        return state.current().services().values().stream().filter(filter).toList();
    }

    public Service updateService(Token caller, String id, ServiceChanges in) {
        Policy.requireAdmin(caller, "identity:update_service");
        return state.store().write(tx -> {
            Service old = findService(state.current(), id);
            requireSameId(in.id(), id);
            var updated = new Service(id, in.type() == null ? old.type() : Validation.name(in.type(), "type"),
                    in.name() == null ? old.name() : Validation.name(in.name(), "name"),
                    in.description() == null ? old.description() : in.description(),
                    in.enabled() == null ? old.enabled() : in.enabled(), Extras.merge(old.extra(), in.extra()));
            tx.catalog().updateService(updated);
            return updated;
        });
    }

    /** Deletes the service and its endpoints. */
    public void deleteService(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_service");
        state.store().write(tx -> {
            findService(state.current(), id);
            tx.catalog().deleteService(id);
            return null;
        });
    }

    // ---- endpoints

    public Endpoint createEndpoint(Token caller, EndpointChanges in) {
        Policy.requireAdmin(caller, "identity:create_endpoint");
        String iface = iface(required(in.iface(), "interface"));
        String url = EndpointUrls.validate(required(in.url(), "url"));
        String serviceId = required(in.serviceId(), "service_id");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            String regionId = endpointRegion(tx, s, in);
            requireServiceForEndpoint(s, serviceId);
            var endpoint = new Endpoint(Ids.newId(), serviceId, iface, url, regionId,
                    in.enabled() == null || in.enabled(), Extras.initial(in.extra()));
            tx.catalog().insertEndpoint(endpoint);
            return endpoint;
        });
    }

    public Endpoint endpoint(Token caller, String id) {
        Policy.requireReader(caller, "identity:get_endpoint");
        return findEndpoint(state.current(), id);
    }

    public List<Endpoint> endpoints(Token caller, EndpointFilter filter) {
        Policy.requireReader(caller, "identity:list_endpoints");
        return state.current().endpoints().values().stream().filter(filter).toList();
    }

    public Endpoint updateEndpoint(Token caller, String id, EndpointChanges in) {
        Policy.requireAdmin(caller, "identity:update_endpoint");
        String iface = in.iface() == null ? null : iface(in.iface());
        String url = in.url() == null ? null : EndpointUrls.validate(in.url());
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Endpoint old = findEndpoint(s, id);
            requireSameId(in.id(), id);
            String regionId = in.regionId() == null && in.legacyRegion() == null ? old.regionId()
                    : endpointRegion(tx, s, in);
            if (in.serviceId() != null) {
                requireServiceForEndpoint(s, in.serviceId());
            }
            var updated = new Endpoint(id, in.serviceId() == null ? old.serviceId() : in.serviceId(),
                    iface == null ? old.iface() : iface, url == null ? old.url() : url, regionId,
                    in.enabled() == null ? old.enabled() : in.enabled(), Extras.merge(old.extra(), in.extra()));
            tx.catalog().updateEndpoint(updated);
            return updated;
        });
    }

    public void deleteEndpoint(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_endpoint");
        state.store().write(tx -> {
            findEndpoint(state.current(), id);
            tx.catalog().deleteEndpoint(id);
            return null;
        });
    }

    // ---- look-ups shared with the API

    public static Region findRegion(IdentitySnapshot s, String id) {
        Region r = id == null ? null : s.regions().get(id);
        if (r == null) {
            throw CloudError.notFound("RegionNotFound", "Could not find region: %s.", id);
        }
        return r;
    }

    public static Service findService(IdentitySnapshot s, String id) {
        Service service = id == null ? null : s.services().get(id);
        if (service == null) {
            throw CloudError.notFound("ServiceNotFound", "Could not find service: %s.", id);
        }
        return service;
    }

    public static Endpoint findEndpoint(IdentitySnapshot s, String id) {
        Endpoint e = id == null ? null : s.endpoints().get(id);
        if (e == null) {
            throw CloudError.notFound("EndpointNotFound", "Could not find endpoint: %s.", id);
        }
        return e;
    }

    // ---- rules

    /**
     * The region an endpoint names. {@code region_id} must exist (a 400, as Keystone's "Expecting to find
     * endpoint region_id in region table"); the legacy {@code region} is created when missing.
     */
    private static String endpointRegion(IdentityTx tx, IdentitySnapshot s, EndpointChanges in) {
        if (in.regionId() != null) {
            if (!s.regions().containsKey(in.regionId())) {
                throw CloudError.badRequest("Expecting to find endpoint region_id in region table: region %s does "
                        + "not exist. Create it first (POST /v3/regions) or give an existing region.", in.regionId());
            }
            return in.regionId();
        }
        if (in.legacyRegion() != null) {
            String id = regionId(in.legacyRegion());
            if (!s.regions().containsKey(id)) {
                tx.catalog().insertRegion(new Region(id, "", null, Map.of()));
            }
            return id;
        }
        return null;
    }

    private static void requireServiceForEndpoint(IdentitySnapshot s, String serviceId) {
        if (!s.services().containsKey(serviceId)) {
            throw CloudError.badRequest("Expecting to find endpoint service_id in service table: service %s does "
                    + "not exist.", serviceId);
        }
    }

    /** Keystone's CircularRegionHierarchyError: walking up from the new parent must not reach the region. */
    private static void requireNoCycle(IdentitySnapshot s, String regionId, String parentId) {
        String current = parentId;
        for (int steps = 0; current != null && steps <= s.regions().size(); steps++) {
            if (current.equals(regionId)) {
                throw CloudError.badRequest("The specified parent region %s would create a circular region "
                        + "hierarchy.", parentId);
            }
            Region r = s.regions().get(current);
            current = r == null ? null : r.parentRegionId();
        }
    }

    /** The region and all its descendants. */
    private static Set<String> subtree(IdentitySnapshot s, String rootId) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(rootId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (ids.add(id)) {
                s.regions().values().stream().filter(r -> id.equals(r.parentRegionId())).map(Region::id)
                        .forEach(todo::add);
            }
        }
        return ids;
    }

    private static String regionId(String id) {
        if (id.length() > 255) {
            throw CloudError.badRequest("Invalid input for field 'id': a region id is at most 255 characters, got %d.",
                    id.length());
        }
        return id;
    }

    private static String iface(String value) {
        if (!INTERFACES.contains(value)) {
            throw CloudError.badRequest("Invalid input for field 'interface': '%s' is not one of "
                    + "['admin', 'internal', 'public'].", value);
        }
        return value;
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw CloudError.badRequest("'%s' is a required property.", field);
        }
        return value;
    }

    /** Keystone's _require_matching_id: a body may repeat the id, never change it. */
    private static void requireSameId(String bodyId, String pathId) {
        if (bodyId != null && !bodyId.equals(pathId)) {
            throw CloudError.badRequest("Cannot change ID: the body names %s but the URL names %s.", bodyId, pathId);
        }
    }

    /** Extra attributes after an update; a null value removes the attribute (it cannot be stored). */
    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

}
