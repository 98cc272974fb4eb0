package dev.kumo.core.identity.assignment;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.store.GroupRepository.Membership;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keystone's role assignment list over one snapshot. The direct list is the grants that match the
 * filters. The effective list is what the grants mean for users, as tokens see it: group grants become
 * one entry per member, inherited grants one entry per project they reach, implied roles are added,
 * and domain-specific roles (which only ever serve to imply others) are left out. Like Keystone, the
 * effective list has no system entries.
 */
final class AssignmentListing {
    private AssignmentListing() {}

    static List<ListedAssignment> direct(IdentitySnapshot s, AssignmentQuery q) {
        Set<String> projects = projectsOfInterest(s, q);
        return s.assignments().stream().filter(a -> matchesDirect(a, q, projects)).map(ListedAssignment::direct).toList();
    }

    static List<ListedAssignment> effective(IdentitySnapshot s, AssignmentQuery q) {
        if (q.groupId() != null) {
            return List.of();
        }
        // domains do not inherit: a domain filter only ever matches grants on the domain itself
        Boolean inherited = q.domainId() != null ? Boolean.FALSE : q.inherited();
        Set<String> projects = projectsOfInterest(s, q);
        Set<String> userGroups = q.userId() == null ? null : s.groupIdsOf(q.userId());
        List<ListedAssignment> rows = new ArrayList<>();
        for (RoleAssignment a : s.assignments()) {
            boolean actorMatches = q.userId() == null || (a.actorType() == ActorType.USER
                    ? a.actorId().equals(q.userId()) : userGroups.contains(a.actorId()));
            if (a.targetType() == TargetType.SYSTEM || !actorMatches || (inherited != null && a.inherited() != inherited)) {
                continue;
            }
            rows.addAll(a.inherited() ? spreadInherited(s, a, q.userId(), projects) : placeDirect(s, a, q, projects));
        }
        List<ListedAssignment> result = withImpliedRoles(s, rows);
        result.removeIf(r -> !s.role(r.roleId()).map(role -> role.domainId() == null).orElse(false));
        if (q.roleId() != null) {
            result.removeIf(r -> !r.roleId().equals(q.roleId()));
        }
        return result;
    }

    /** The project and, with include_subtree, its descendants; null without a project filter. */
    private static Set<String> projectsOfInterest(IdentitySnapshot s, AssignmentQuery q) {
        if (q.projectId() == null) {
            return null;
        }
        Set<String> projects = new LinkedHashSet<>(List.of(q.projectId()));
        if (q.includeSubtree()) {
            projects.addAll(ProjectTree.descendants(s, q.projectId()));
        }
        return projects;
    }

    private static boolean matchesDirect(RoleAssignment a, AssignmentQuery q, Set<String> projects) {
        boolean actor = (q.userId() == null || (a.actorType() == ActorType.USER && a.actorId().equals(q.userId())))
                && (q.groupId() == null || (a.actorType() == ActorType.GROUP && a.actorId().equals(q.groupId())));
        boolean role = q.roleId() == null || a.roleId().equals(q.roleId());
        boolean inherited = q.inherited() == null || a.inherited() == q.inherited();
        boolean target;
        if (q.system()) {
            target = a.targetType() == TargetType.SYSTEM;
        } else if (projects != null) {
            target = a.targetType() == TargetType.PROJECT && projects.contains(a.targetId());
        } else if (q.domainId() != null) {
            target = a.targetType() == TargetType.DOMAIN && a.targetId().equals(q.domainId());
        } else {
            target = true;
        }
        return actor && role && inherited && target;
    }

    /** A non-inherited grant, on its own target, once per user it reaches. */
    private static List<ListedAssignment> placeDirect(IdentitySnapshot s, RoleAssignment a, AssignmentQuery q,
                                                      Set<String> projects) {
        if (projects != null && !(a.targetType() == TargetType.PROJECT && projects.contains(a.targetId()))) {
            return List.of();
        }
        if (q.domainId() != null && !(a.targetType() == TargetType.DOMAIN && a.targetId().equals(q.domainId()))) {
            return List.of();
        }
        List<ListedAssignment> rows = new ArrayList<>();
        for (String userId : usersReached(s, a, q.userId())) {
            rows.add(new ListedAssignment(new RoleAssignment(ActorType.USER, userId, a.targetType(), a.targetId(),
                    a.roleId(), false), new ListedAssignment.Indirect(groupOf(a), null, null, null)));
        }
        return rows;
    }

    /** An inherited grant, on every project below its target (within the projects of interest), per user. */
    private static List<ListedAssignment> spreadInherited(IdentitySnapshot s, RoleAssignment a, String userId,
                                                          Set<String> projects) {
        Set<String> reached = a.targetType() == TargetType.DOMAIN ? ProjectTree.inDomain(s, a.targetId())
                : ProjectTree.descendants(s, a.targetId());
        if (projects != null) {
            reached.retainAll(projects);
        }
        var indirect = new ListedAssignment.Indirect(groupOf(a), a.targetType(), a.targetId(), null);
        List<ListedAssignment> rows = new ArrayList<>();
        for (String user : usersReached(s, a, userId)) {
            for (String projectId : reached) {
                rows.add(new ListedAssignment(new RoleAssignment(ActorType.USER, user, TargetType.PROJECT, projectId,
                        a.roleId(), false), indirect));
            }
        }
        return rows;
    }

    private static String groupOf(RoleAssignment a) {
        return a.actorType() == ActorType.GROUP ? a.actorId() : null;
    }

    /** A user grant reaches its user; a group grant its members (only {@code userId} when filtering by user). */
    private static List<String> usersReached(IdentitySnapshot s, RoleAssignment a, String userId) {
        if (a.actorType() == ActorType.USER) {
            return List.of(a.actorId());
        }
        if (userId != null) {
            return List.of(userId);
        }
        return s.memberships().stream().filter(m -> m.groupId().equals(a.actorId())).map(Membership::userId).toList();
    }

    /** Each entry, followed at the end by one entry per role it implies, transitively. */
    private static List<ListedAssignment> withImpliedRoles(IdentitySnapshot s, List<ListedAssignment> rows) {
        Map<String, List<String>> implies = new HashMap<>();
        for (ImpliedRole rule : s.implications()) {
            implies.computeIfAbsent(rule.priorRoleId(), k -> new ArrayList<>()).add(rule.impliedRoleId());
        }
        List<ListedAssignment> result = new ArrayList<>(rows);
        for (ListedAssignment row : rows) {
            Set<String> seen = new HashSet<>(Set.of(row.roleId()));
            ArrayDeque<ListedAssignment> todo = new ArrayDeque<>(List.of(row));
            while (!todo.isEmpty()) {
                ListedAssignment next = todo.poll();
                for (String implied : implies.getOrDefault(next.roleId(), List.of())) {
                    if (seen.add(implied)) {
                        ListedAssignment derived = next.implying(implied);
                        result.add(derived);
                        todo.add(derived);
                    }
                }
            }
        }
        return result;
    }
}
