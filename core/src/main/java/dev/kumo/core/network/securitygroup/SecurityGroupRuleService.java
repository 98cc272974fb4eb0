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
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.model.network.SecurityGroupRule;
import dev.kumo.model.network.StandardAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Neutron's security group rule API: rules are created and deleted, never updated. */
public final class SecurityGroupRuleService {
    private final NetworkStore store;
    private final QuotaService quotas;
    private final SecurityGroupDataPathSync dataPath;
    private final Clock clock;

    public SecurityGroupRuleService(NetworkStore store, QuotaService quotas, SecurityGroupDataPathSync dataPath,
                                    Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.dataPath = Objects.requireNonNull(dataPath, "dataPath");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SecurityGroupRule get(NetworkCaller caller, String id) {
        return store.read(tx -> find(tx, caller, id));
    }

    public List<SecurityGroupRule> list(NetworkCaller caller, ListQuery<SecurityGroupRuleAttribute> query) {
        return store.read(tx -> tx.securityGroups().listRules(query, caller.viewer()));
    }

    public SecurityGroupRule create(NetworkCaller caller, SecurityGroupRuleRequest in) {
        if (in.securityGroupId() == null) {
            throw NeutronErrors.badRequest("Failed to parse request. Required attribute 'security_group_id' not "
                    + "specified");
        }
        RuleChecks.Normalised n = RuleChecks.check(in);
        SecurityGroupRule created = store.write(tx -> {
            SecurityGroup group = SecurityGroupService.find(tx, caller, in.securityGroupId());
            String project = NetworkPolicy.owningProject(caller, in.projectId() != null ? in.projectId()
                    : caller.admin() ? group.projectId() : null);
            NetworkPolicy.requireOwner(caller, group.projectId(), "create_security_group_rule");
            if (in.remoteGroupId() != null) {
                SecurityGroupService.find(tx, caller, in.remoteGroupId());
            }
            var now = clock.instant();
            var rule = new SecurityGroupRule(UUID.randomUUID().toString(), project, group.id(), n.direction(),
                    n.ethertype(), n.protocol(), n.min(), n.max(), n.prefix(), in.remoteGroupId(),
                    StandardAttributes.created(TextRules.limited("description", in.description()), List.of(), now));
            group.rules().stream().filter(rule::sameMatch).findFirst().ifPresent(existing -> {
                throw NeutronErrors.conflict("SecurityGroupRuleExists", "Security group rule already exists. Rule id "
                        + "is %s.", existing.id());
            });
            quotas.require(tx, project, QuotaResource.SECURITY_GROUP_RULE, 1);
            tx.securityGroups().insertRule(rule);
            return rule;
        });
        dataPath.syncSecurityGroup(created.securityGroupId());
        return created;
    }

    public void delete(NetworkCaller caller, String id) {
        SecurityGroupRule removed = store.write(tx -> {
            SecurityGroupRule rule = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, rule.projectId(), "delete_security_group_rule");
            tx.securityGroups().deleteRule(id);
            return rule;
        });
        dataPath.syncSecurityGroup(removed.securityGroupId());
    }

    private static SecurityGroupRule find(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.securityGroups().findRule(id, caller.viewer())
                .orElseThrow(() -> NeutronErrors.securityGroupRuleNotFound(id));
    }
}
