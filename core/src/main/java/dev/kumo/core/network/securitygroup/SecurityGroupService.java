package dev.kumo.core.network.securitygroup;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.datapath.SecurityGroupDataPathSync;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.quota.QuotaResource;
import dev.kumo.core.network.quota.QuotaService;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.tag.Tags;
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.model.network.SecurityGroupRule;
import dev.kumo.model.network.StandardAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Neutron's security group API. Reading or creating groups makes the caller's project's default group first,
 * as Neutron does; a new group gets the two egress rules Neutron gives every group.
 */
public final class SecurityGroupService {
    private final NetworkStore store;
    private final QuotaService quotas;
    private final SecurityGroupDataPathSync dataPath;
    private final Clock clock;

    public SecurityGroupService(NetworkStore store, QuotaService quotas, SecurityGroupDataPathSync dataPath,
                                Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.dataPath = Objects.requireNonNull(dataPath, "dataPath");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SecurityGroup get(NetworkCaller caller, String id) {
        ensureDefault(caller);
        return store.read(tx -> find(tx, caller, id));
    }

    public List<SecurityGroup> list(NetworkCaller caller, ListQuery<SecurityGroupAttribute> query) {
        ensureDefault(caller);
        return store.read(tx -> tx.securityGroups().list(query, caller.viewer()));
    }

    public SecurityGroup create(NetworkCaller caller, SecurityGroupRequest in) {
        String id = store.write(tx -> {
            String project = NetworkPolicy.owningProject(caller, in.projectId());
            DefaultSecurityGroups.ensure(tx, project, clock.instant());
            if (DefaultSecurityGroups.NAME.equals(in.name())) {
                throw NeutronErrors.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
            }
            quotas.require(tx, project, QuotaResource.SECURITY_GROUP, 1);
            String groupId = UUID.randomUUID().toString();
            var now = clock.instant();
            List<SecurityGroupRule> egress = List.of("IPv4", "IPv6").stream().map(e -> new SecurityGroupRule(
                    UUID.randomUUID().toString(), project, groupId, "egress", e, null, null, null, null, null,
                    StandardAttributes.created("", List.of(), now))).toList();
            tx.securityGroups().insert(new SecurityGroup(groupId, project, in.name() == null ? ""
                    : TextRules.limited("name", in.name()), in.stateful() == null || in.stateful(), false, egress,
                    StandardAttributes.created(TextRules.limited("description", in.description()),
                            Tags.valid(in.tags() == null ? List.of() : in.tags()), now)));
            return groupId;
        });
        dataPath.syncSecurityGroup(id);
        return store.read(tx -> tx.securityGroups().find(id, caller.viewer()).orElseThrow());
    }

    public SecurityGroup update(NetworkCaller caller, String id, SecurityGroupRequest in) {
        store.write(tx -> {
            SecurityGroup old = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, old.projectId(), "update_security_group");
            if (old.isDefault() && in.name() != null && !in.name().equals(old.name())) {
                throw NeutronErrors.conflict("SecurityGroupCannotUpdateDefault", "Updating default security group not "
                        + "allowed.");
            }
            if (!old.isDefault() && DefaultSecurityGroups.NAME.equals(in.name())) {
                throw NeutronErrors.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
            }
            if (in.stateful() != null && in.stateful() != old.stateful() && tx.securityGroups().hasPorts(id)) {
                throw NeutronErrors.conflict("SecurityGroupInUse", "Security Group %s in use.", id);
            }
            StandardAttributes standard = old.standard().revised(clock.instant());
            if (in.description() != null) {
                standard = standard.withDescription(TextRules.limited("description", in.description()));
            }
            tx.securityGroups().update(new SecurityGroup(id, old.projectId(),
                    in.name() == null ? old.name() : TextRules.limited("name", in.name()),
                    in.stateful() == null ? old.stateful() : in.stateful(), old.isDefault(), old.rules(), standard));
            return null;
        });
        dataPath.syncSecurityGroup(id);
        return store.read(tx -> find(tx, caller, id));
    }

    public void delete(NetworkCaller caller, String id) {
        store.write(tx -> {
            SecurityGroup group = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, group.projectId(), "delete_security_group");
            if (group.isDefault() && !caller.admin()) {
                throw NeutronErrors.conflict("SecurityGroupCannotRemoveDefault", "Insufficient rights for removing "
                        + "default security group.");
            }
            if (tx.securityGroups().hasPorts(id)) {
                throw NeutronErrors.conflict("SecurityGroupInUse", "Security Group %s in use.", id);
            }
            tx.securityGroups().delete(id);
            return null;
        });
        dataPath.syncSecurityGroup(id);
    }

    /** The caller's project gets its default group on first use (a write only that first time). */
    private void ensureDefault(NetworkCaller caller) {
        if (caller.projectId() == null) {
            return;
        }
        boolean exists = store.read(tx -> tx.securityGroups().defaultOf(caller.projectId()).isPresent());
        if (!exists) {
            dataPath.syncSecurityGroup(store.write(tx -> DefaultSecurityGroups.ensure(tx, caller.projectId(),
                    clock.instant())).id());
        }
    }

    static SecurityGroup find(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.securityGroups().find(id, caller.viewer())
                .orElseThrow(() -> NeutronErrors.securityGroupNotFound(id));
    }
}
