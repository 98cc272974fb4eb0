package dev.kumo.core.identity.endpointfilter;

import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.Validation;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.EndpointGroup;
import dev.kumo.model.identity.Ids;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /v3/OS-EP-FILTER/endpoint_groups}: admins write, readers read (Keystone's defaults). A group's filters
 * name endpoint attributes; an endpoint is in the group when it matches all of them.
 */
public final class EndpointGroupService {
    /** The endpoint attributes Keystone lets a group filter on. */
    static final Set<String> FILTER_KEYS = Set.of("service_id", "region_id", "interface");

    private final IdentityState state;

    public EndpointGroupService(IdentityState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    public EndpointGroup create(Token caller, EndpointGroupChanges in) {
        Policy.requireAdmin(caller, "identity:create_endpoint_group");
        String name = Validation.name(in.name(), "name");
        if (in.filters() == null || in.filters().isEmpty()) {
            throw CloudError.badRequest("filters field is required and cannot be empty: give at least one of %s.",
                    String.join(", ", FILTER_KEYS.stream().sorted().toList()));
        }
        var group = new EndpointGroup(Ids.newId(), name, in.description() == null ? null : in.description().orElse(null),
                filters(in.filters()));
        return state.store().write(tx -> {
            tx.endpointGroups().insert(group);
            return group;
        });
    }

    /** Every group, or those named {@code name}. */
    public List<EndpointGroup> list(Token caller, String name) {
        Policy.requireReader(caller, "identity:list_endpoint_groups");
        return state.store().read(tx -> tx.endpointGroups().all()).stream()
                .filter(g -> name == null || name.equals(g.name())).toList();
    }

    public EndpointGroup get(Token caller, String id) {
        Policy.requireReader(caller, "identity:get_endpoint_group");
        return state.store().read(tx -> tx.endpointGroups().get(id)).orElseThrow(() -> notFound(id));
    }

    public EndpointGroup update(Token caller, String id, EndpointGroupChanges in) {
        Policy.requireAdmin(caller, "identity:update_endpoint_group");
        String name = in.name() == null ? null : Validation.name(in.name(), "name");
        Map<String, String> filters = in.filters() == null ? null : filters(in.filters());
        return state.store().write(tx -> {
            EndpointGroup old = tx.endpointGroups().get(id).orElseThrow(() -> notFound(id));
            var updated = new EndpointGroup(id, name == null ? old.name() : name,
                    in.description() == null ? old.description() : in.description().orElse(null),
                    filters == null ? old.filters() : filters);
            tx.endpointGroups().update(updated);
            return updated;
        });
    }

    public void delete(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_endpoint_group");
        state.store().write(tx -> {
            if (!tx.endpointGroups().delete(id)) {
                throw notFound(id);
            }
            return null;
        });
    }

    /** The catalog's endpoints that match every filter of the group. */
    public List<Endpoint> endpoints(Token caller, String id) {
        Policy.requireReader(caller, "identity:list_endpoints_associated_with_endpoint_group");
        EndpointGroup group = get(caller, id);
        return state.current().endpoints().values().stream().filter(e -> matches(group.filters(), e)).toList();
    }

    static boolean matches(Map<String, String> filters, Endpoint e) {
        return filters.entrySet().stream().allMatch(f -> f.getValue().equals(switch (f.getKey()) {
            case "service_id" -> e.serviceId();
            case "region_id" -> e.regionId();
            case "interface" -> e.iface();
            default -> null;
        }));
    }

    private static Map<String, String> filters(Map<String, String> filters) {
        for (String key : filters.keySet()) {
            if (!FILTER_KEYS.contains(key)) {
                throw CloudError.badRequest("Invalid input for field 'filters': '%s' is not a filter; an endpoint group "
                        + "filters on %s.", key, String.join(" or ", FILTER_KEYS.stream().sorted().toList()));
            }
        }
        return filters;
    }

    private static CloudException notFound(String id) {
        return CloudError.notFound("EndpointGroupNotFound", "Could not find endpoint group: %s.", id);
    }
}
