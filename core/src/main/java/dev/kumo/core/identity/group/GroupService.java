package dev.kumo.core.identity.group;

import dev.kumo.core.identity.Extras;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.Validation;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.RevocationEvent;
import dev.kumo.core.identity.token.Token;
import dev.kumo.core.identity.user.UserFilter;
import dev.kumo.core.identity.user.UserService;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Group;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Groups: Keystone's {@code /v3/groups} and their members. Like Keystone, removing a user from a group
 * revokes the user's tokens, and so does deleting a group that had role assignments.
 */
public final class GroupService {
    private final IdentityState state;
    private final Clock clock;

    public GroupService(IdentityState state, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Group create(Token caller, GroupChanges in) {
        Policy.requireAdmin(caller, "identity:create_group");
        String name = Validation.name(strip(in.name()), "name");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            String domainId = in.domainId() != null ? in.domainId() : UserService.defaultDomain(caller);
            if (s.domain(domainId).isEmpty()) {
                throw CloudError.notFound("DomainNotFound", "Could not find domain: %s.", domainId);
            }
            requireUniqueName(s, domainId, name, null);
            // Keystone stores a missing description as the empty string
            String description = in.description() == null ? "" : in.description().orElse(null);
            var group = new Group(Ids.newId(), name, domainId, description, Extras.initial(in.extra()));
            tx.groups().insert(group);
            return group;
        });
    }

    public Group get(Token caller, String id) {
        Policy.requireReader(caller, "identity:get_group");
        return find(state.current(), id);
    }

    public List<Group> list(Token caller, GroupFilter filter) {
        Policy.requireReader(caller, "identity:list_groups");
        return state.current().groups().values().stream().filter(filter).toList();
    }

    public Group update(Token caller, String id, GroupChanges in) {
        Policy.requireAdmin(caller, "identity:update_group");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Group old = find(s, id);
            if (in.domainId() != null && !in.domainId().equals(old.domainId())) {
                throw CloudError.badRequest("Cannot change Domain ID");
            }
            String name = in.name() == null ? old.name() : Validation.name(strip(in.name()), "name");
            requireUniqueName(s, old.domainId(), name, id);
            String description = in.description() == null ? old.description() : in.description().orElse(null);
            var updated = new Group(id, name, old.domainId(), description, Extras.merge(old.extra(), in.extra()));
            tx.groups().update(updated);
            return updated;
        });
    }

    /** Deletes the group with its role assignments and memberships. */
    public void delete(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_group");
        Instant now = clock.instant();
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            find(s, id);
            boolean hadRoles = s.assignments().stream().anyMatch(a -> a.actorId().equals(id));
            Set<String> members = s.memberIdsOf(id);
            tx.assignments().deleteMentioning(id);
            members.forEach(userId -> tx.groups().removeMember(id, userId));
            tx.groups().delete(id);
            if (hadRoles) {
                members.forEach(userId -> tx.revocations().insert(new RevocationEvent(null, userId, null, null, now)));
            }
            return null;
        });
    }

    /** The group's members, by name. */
    public List<User> members(Token caller, String groupId, UserFilter filter) {
        Policy.requireReader(caller, "identity:list_users_in_group");
        IdentitySnapshot s = state.current();
        find(s, groupId);
        return s.memberIdsOf(groupId).stream().map(s.users()::get).filter(Objects::nonNull).filter(filter)
                .sorted(Comparator.comparing(User::name)).toList();
    }

    /** Idempotent, as in Keystone: adding a member twice is not an error. */
    public void addMember(Token caller, String groupId, String userId) {
        Policy.requireAdmin(caller, "identity:add_user_to_group");
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            find(s, groupId);
            UserService.find(s, userId);
            tx.groups().addMember(groupId, userId);
            return null;
        });
    }

    /** Throws 404 unless the user is a member; the message says which of group, user, membership is missing. */
    public void checkMember(Token caller, String groupId, String userId) {
        Policy.requireReader(caller, "identity:check_user_in_group");
        requireMember(state.current(), groupId, userId);
    }

    public void removeMember(Token caller, String groupId, String userId) {
        Policy.requireAdmin(caller, "identity:remove_user_from_group");
        Instant now = clock.instant();
        state.store().write(tx -> {
            requireMember(state.current(), groupId, userId);
            tx.groups().removeMember(groupId, userId);
            // the user's roles through this group are gone: Keystone revokes the user's tokens
            tx.revocations().insert(new RevocationEvent(null, userId, null, null, now));
            return null;
        });
    }

    /** The groups a user belongs to; a domain-scoped caller sees only its domain's groups, as in Keystone. */
    public List<Group> groupsOfUser(Token caller, String userId, GroupFilter filter) {
        Policy.requireReaderOrOwner(caller, userId, "identity:list_groups_for_user");
        IdentitySnapshot s = state.current();
        UserService.find(s, userId);
        return s.groupIdsOf(userId).stream().map(s.groups()::get).filter(Objects::nonNull).filter(filter)
                .filter(g -> caller.domain() == null || caller.domain().id().equals(g.domainId()))
                .sorted(Comparator.comparing(Group::name)).toList();
    }

    public static Group find(IdentitySnapshot s, String id) {
        return s.group(id).orElseThrow(() -> CloudError.notFound("GroupNotFound", "Could not find group: %s.", id));
    }

    private static void requireMember(IdentitySnapshot s, String groupId, String userId) {
        find(s, groupId);
        UserService.find(s, userId);
        if (!s.memberIdsOf(groupId).contains(userId)) {
            throw CloudError.notFound("NotFound", "User '%s' not found in group '%s'", userId, groupId);
        }
    }

    private static void requireUniqueName(IdentitySnapshot s, String domainId, String name, String exceptId) {
        Optional<Group> clash = s.groups().values().stream()
                .filter(g -> g.domainId().equals(domainId) && g.name().equals(name) && !g.id().equals(exceptId))
                .findFirst();
        if (clash.isPresent()) {
            throw CloudError.conflict("Conflict", "Conflict occurred attempting to store group - Duplicate entry "
                    + "found with name %s at domain ID %s.", name, domainId);
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
