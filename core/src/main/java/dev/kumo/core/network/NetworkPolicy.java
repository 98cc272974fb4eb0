package dev.kumo.core.network;

import java.util.List;

/**
 * Neutron's default policy, as the network services apply it: who may create, change and delete what,
 * which attributes only admins (or the network's owner) may set, and whose project a new resource belongs to.
 */
public final class NetworkPolicy {
    /** Resources Neutron itself creates and deletes with the network (DHCP ports). */
    public static final List<String> AUTO_DELETED_OWNERS = List.of("network:dhcp");
    /** Ports of routers, which only the router API may change. */
    public static final List<String> ROUTER_OWNERS = List.of("network:router_interface",
            "network:router_interface_distributed", "network:ha_router_replicated_interface", "network:router_gateway",
            "network:floatingip");

    private NetworkPolicy() {}

    public static void requireAdmin(NetworkCaller caller, String rule) {
        if (!caller.admin()) {
            throw NeutronErrors.policy(rule);
        }
    }

    /** The caller owns {@code projectId}'s resource (or is an admin); otherwise 403 naming the rule. */
    public static void requireOwner(NetworkCaller caller, String projectId, String rule) {
        if (!caller.owns(projectId)) {
            throw NeutronErrors.policy(rule);
        }
    }

    /**
     * The project a new resource belongs to: the one asked for (admins may name any; others only their own)
     * or the caller's.
     */
    public static String owningProject(NetworkCaller caller, String requested) {
        if (requested != null && !requested.equals(caller.projectId()) && !caller.admin()) {
            throw NeutronErrors.badRequest("Specifying 'project_id' or 'tenant_id' other than the authenticated "
                    + "project in request is not allowed for current user.");
        }
        String project = requested != null ? requested : caller.projectId();
        if (project == null) {
            throw NeutronErrors.badRequest("A project_id is needed: the token is not scoped to a project, so name "
                    + "the project the resource belongs to.");
        }
        return project;
    }

    /** {@code network:*} owners are reserved for the network's owner and admins. */
    public static boolean networkDeviceOwner(String deviceOwner) {
        return deviceOwner != null && deviceOwner.startsWith("network:");
    }
}
