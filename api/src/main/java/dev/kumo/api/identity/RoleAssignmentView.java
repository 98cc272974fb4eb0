package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.assignment.ListedAssignment;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.Group;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import dev.kumo.model.identity.User;
import io.javalin.http.Context;

/**
 * One role assignment as Keystone formats it: role, user or group, scope, and {@code links.assignment}
 * pointing at the grant that really exists (for a derived entry: the group's, the inherited one, the
 * prior role's). With {@code names} (include_names), every reference also carries its name.
 */
final class RoleAssignmentView {
    private final Context ctx;
    private final IdentitySnapshot names;

    /** {@code names} null means ids only. */
    RoleAssignmentView(Context ctx, IdentitySnapshot names) {
        this.ctx = ctx;
        this.names = names;
    }

    ObjectNode render(ListedAssignment row) {
        RoleAssignment a = row.assignment();
        ListedAssignment.Indirect indirect = row.indirect();
        var node = Json.object();
        ObjectNode links = node.putObject("links");
        ObjectNode scope = node.putObject("scope");
        StringBuilder link = new StringBuilder(scope(scope, a, indirect));
        if (a.actorType() == ActorType.USER) {
            node.set("user", user(a.actorId()));
            if (indirect.groupId() != null) {
                links.put("membership", IdentityViews.url(ctx, "/groups/" + indirect.groupId() + "/users/" + a.actorId()));
                link.append("/groups/").append(indirect.groupId());
            } else {
                link.append("/users/").append(a.actorId());
            }
        } else {
            node.set("group", group(a.actorId()));
            link.append("/groups/").append(a.actorId());
        }
        node.set("role", role(a.roleId()));
        link.append("/roles/").append(indirect.priorRoleId() != null ? indirect.priorRoleId() : a.roleId());
        if (row.inherited()) {
            scope.put("OS-INHERIT:inherited_to", "projects");
            link.insert(0, "/OS-INHERIT").append("/inherited_to_projects");
        }
        links.put("assignment", IdentityViews.url(ctx, link.toString()));
        if (indirect.priorRoleId() != null) {
            // Keystone's exact (if oddly ordered) form: /prior_role/<this role>/implies/<the prior role>
            links.put("prior_role", IdentityViews.url(ctx, "/prior_role/" + a.roleId() + "/implies/"
                    + indirect.priorRoleId()));
        }
        return node;
    }

    /** Fills {@code scope} and returns the start of the assignment link. */
    private String scope(ObjectNode scope, RoleAssignment a, ListedAssignment.Indirect indirect) {
        return switch (a.targetType()) {
            case PROJECT -> {
                scope.set("project", project(a.targetId()));
                if (indirect.inheritedFromType() != null) {
                    yield (indirect.inheritedFromType() == TargetType.DOMAIN ? "/domains/" : "/projects/")
                            + indirect.inheritedFromId();
                }
                yield "/projects/" + a.targetId();
            }
            case DOMAIN -> {
                scope.set("domain", domain(a.targetId()));
                yield "/domains/" + a.targetId();
            }
            case SYSTEM -> {
                scope.putObject("system").put("all", true);
                yield "/system";
            }
        };
    }

    private ObjectNode project(String id) {
        var node = Json.object().put("id", id);
        if (names != null) {
            Project p = names.project(id).orElse(null);
            node.put("name", p == null ? "" : p.name());
            node.set("domain", domain(p == null ? "" : p.domainId()));
        }
        return node;
    }

    private ObjectNode domain(String id) {
        var node = Json.object().put("id", id);
        if (names != null) {
            node.put("name", names.domain(id).map(d -> d.name()).orElse(""));
        }
        return node;
    }

    /** Keystone shows empty names for a user or group that is gone but still has assignments. */
    private ObjectNode user(String id) {
        var node = Json.object().put("id", id);
        if (names != null) {
            User u = names.user(id).orElse(null);
            node.put("name", u == null ? "" : u.name());
            node.set("domain", u == null ? Json.object().put("id", "").put("name", "") : domain(u.domainId()));
        }
        return node;
    }

    private ObjectNode group(String id) {
        var node = Json.object().put("id", id);
        if (names != null) {
            Group g = names.group(id).orElse(null);
            node.put("name", g == null ? "" : g.name());
            node.set("domain", g == null ? Json.object().put("id", "").put("name", "") : domain(g.domainId()));
        }
        return node;
    }

    private ObjectNode role(String id) {
        var node = Json.object().put("id", id);
        if (names != null) {
            Role r = names.role(id).orElse(null);
            node.put("name", r == null ? "" : r.name());
            if (r != null && r.domainId() != null) {
                node.set("domain", domain(r.domainId()));
            }
        }
        return node;
    }
}
