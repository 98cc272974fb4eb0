package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.quota.QuotaService;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ComputeTx;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code os-server-groups}: create (quota {@code server_groups}), show, list and delete, and the create hint
 * that makes new servers members (quota {@code server_group_members}). A project sees its own groups; admins
 * see any. The scheduler reads a server's group when it places it.
 */
public final class ServerGroups {
    private final ComputeStore store;
    private final QuotaService quotas;
    private final Clock clock;

    public ServerGroups(ComputeStore store, QuotaService quotas, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new group; {@code maxPerHost} is the anti-affinity rule (null when not given). */
    public ServerGroup create(ComputeCaller caller, String name, String policy, Integer maxPerHost) {
        String projectId = caller.requireProject();
        if (!ServerGroup.POLICIES.contains(policy)) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute policy. Value: %s. '%s' is not one of %s",
                    policy, policy, ServerGroup.POLICIES);
        }
        if (maxPerHost != null && !policy.equals(ServerGroup.ANTI_AFFINITY)) {
            throw ComputeErrors.badRequest("Only anti-affinity policy supports rules.");
        }
        var group = new ServerGroup(UUID.randomUUID().toString(), projectId, caller.userId(), name, policy, maxPerHost,
                clock.instant(), List.of());
        return store.write(tx -> {
            quotas.checkServerGroups(tx, projectId);
            tx.serverGroups().insert(group);
            return group;
        });
    }

    public ServerGroup get(ComputeCaller caller, String id) {
        return store.read(tx -> visible(tx, caller, id));
    }

    /** The caller's project's groups, or with {@code allProjects} (admins only; others get their own) every one. */
    public List<ServerGroup> list(ComputeCaller caller, boolean allProjects, int limit, int offset) {
        String project = allProjects && caller.admin() ? null : Objects.requireNonNullElse(caller.projectId(), "");
        return store.read(tx -> tx.serverGroups().list(project, limit, offset));
    }

    public void delete(ComputeCaller caller, String id) {
        store.write(tx -> {
            visible(tx, caller, id);
            return tx.serverGroups().delete(id);
        });
    }

    /** The id of the group the server is a member of, if any (the server's own visibility is checked by the caller). */
    public Optional<String> groupOf(String serverId) {
        return store.read(tx -> tx.serverGroups().groupOf(serverId).map(ServerGroup::id));
    }

    /** Before a create's transaction: the hinted group must exist and be the caller's (400 otherwise, as Nova). */
    void checkHint(ComputeCaller caller, String groupId) {
        store.read(tx -> tx.serverGroups().find(groupId).filter(g -> caller.owns(g.projectId())))
                .orElseThrow(() -> ComputeErrors.badRequest("Instance group %s could not be found.", groupId));
    }

    /** Inside the create's transaction: the new servers join the group, within its member quota. */
    void join(ComputeTx tx, String groupId, List<Server> servers) {
        ServerGroup group = tx.serverGroups().find(groupId)
                .orElseThrow(() -> ComputeErrors.badRequest("Instance group %s could not be found.", groupId));
        quotas.checkGroupMembers(tx, group.projectId(), group.members().size(), servers.size());
        servers.forEach(s -> tx.serverGroups().addMember(groupId, s.id()));
    }

    private static ServerGroup visible(ComputeTx tx, ComputeCaller caller, String id) {
        return tx.serverGroups().find(id).filter(g -> caller.owns(g.projectId()))
                .orElseThrow(() -> ComputeErrors.notFound("Instance group %s could not be found.", id));
    }
}
