package dev.kumo.core.identity;

import dev.kumo.core.identity.store.GroupRepository.Membership;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.token.RevocationEvent;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.Group;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Region;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.Service;
import dev.kumo.model.identity.Trust;
import dev.kumo.model.identity.User;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** All identity state at one generation, immutable, with the look-ups the services need. */
public record IdentitySnapshot(long generation, Map<String, Domain> domains, Map<String, Project> projects,
                               Map<String, User> users, Map<String, Group> groups, List<Membership> memberships,
                               Map<String, Role> roles, List<ImpliedRole> implications,
                               List<RoleAssignment> assignments, Map<String, Region> regions,
                               Map<String, Service> services, Map<String, Endpoint> endpoints,
                               Map<String, ApplicationCredential> applicationCredentials,
                               Map<String, Trust> trusts, List<RevocationEvent> revocations) {

    public static IdentitySnapshot load(long generation, IdentityTx tx) {
        return new IdentitySnapshot(generation,
                byId(tx.domains().all(), Domain::id),
                byId(tx.projects().all(), Project::id),
                byId(tx.users().all(), User::id),
                byId(tx.groups().all(), Group::id),
                List.copyOf(tx.groups().memberships()),
                byId(tx.roles().all(), Role::id),
                List.copyOf(tx.roles().implications()),
                List.copyOf(tx.assignments().all()),
                byId(tx.catalog().regions(), Region::id),
                byId(tx.catalog().services(), Service::id),
                byId(tx.catalog().endpoints(), Endpoint::id),
                byId(tx.applicationCredentials().all(), ApplicationCredential::id),
                byId(tx.trusts().all(), Trust::id),
                List.copyOf(tx.revocations().all()));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            map.put(id.apply(item), item);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    public Optional<Domain> domain(String id) {
        return Optional.ofNullable(id == null ? null : domains.get(id));
    }

    public Optional<Domain> domainByName(String name) {
        return domains.values().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<Project> project(String id) {
        return Optional.ofNullable(id == null ? null : projects.get(id));
    }

    public Optional<Project> projectByName(String domainId, String name) {
        return projects.values().stream()
                .filter(p -> p.domainId().equals(domainId) && p.name().equals(name)).findFirst();
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(id == null ? null : users.get(id));
    }

    public Optional<User> userByName(String domainId, String name) {
        return users.values().stream()
                .filter(u -> u.domainId().equals(domainId) && u.name().equals(name)).findFirst();
    }

    public Optional<Group> group(String id) {
        return Optional.ofNullable(id == null ? null : groups.get(id));
    }

    public Optional<Role> role(String id) {
        return Optional.ofNullable(id == null ? null : roles.get(id));
    }

    /** Global roles only: the names tokens and policy speak of. */
    public Optional<Role> globalRoleByName(String name) {
        return roles.values().stream().filter(r -> r.domainId() == null && r.name().equals(name)).findFirst();
    }

    public Set<String> groupIdsOf(String userId) {
        return memberships.stream().filter(m -> m.userId().equals(userId)).map(Membership::groupId)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> memberIdsOf(String groupId) {
        return memberships.stream().filter(m -> m.groupId().equals(groupId)).map(Membership::userId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The roles {@code roleIds} imply, transitively, including themselves. */
    public Set<String> expandImplied(Set<String> roleIds) {
        Map<String, List<String>> implied = new HashMap<>();
        for (ImpliedRole rule : implications) {
            implied.computeIfAbsent(rule.priorRoleId(), k -> new java.util.ArrayList<>()).add(rule.impliedRoleId());
        }
        Set<String> result = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(roleIds);
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (result.add(id)) {
                todo.addAll(implied.getOrDefault(id, List.of()));
            }
        }
        return result;
    }

    /** Ancestors of a project, nearest first (not including the project itself). */
    public List<Project> ancestors(Project project) {
        List<Project> chain = new java.util.ArrayList<>();
        Project current = project;
        while (current.parentId() != null && chain.size() < 64) {
            Project parent = projects.get(current.parentId());
            if (parent == null) {
                break;
            }
            chain.add(parent);
            current = parent;
        }
        return chain;
    }
}
