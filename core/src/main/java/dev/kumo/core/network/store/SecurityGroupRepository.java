package dev.kumo.core.network.store;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.securitygroup.SecurityGroupAttribute;
import dev.kumo.core.network.securitygroup.SecurityGroupRuleAttribute;
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.model.network.SecurityGroupRule;
import java.util.List;
import java.util.Optional;

/** Security groups with their rules and tags; rules are also listed and written on their own. */
public interface SecurityGroupRepository {
    Optional<SecurityGroup> find(String id, Viewer viewer);

    /** @throws dev.kumo.model.error.CloudException 404 when the marker is not a group the viewer sees */
    List<SecurityGroup> list(ListQuery<SecurityGroupAttribute> query, Viewer viewer);

    /** The project's default group, if it was made already. */
    Optional<SecurityGroup> defaultOf(String projectId);

    /** Inserts the group and its rules. */
    void insert(SecurityGroup group);

    /** Rewrites the group's own columns and tags (not its rules). */
    void update(SecurityGroup group);

    /** Deletes the group with its rules. */
    void delete(String id);

    long countOwnedBy(String projectId);

    /** Whether a port is in the group. */
    boolean hasPorts(String id);

    Optional<SecurityGroupRule> findRule(String id, Viewer viewer);

    /** @throws dev.kumo.model.error.CloudException 404 when the marker is not a rule the viewer sees */
    List<SecurityGroupRule> listRules(ListQuery<SecurityGroupRuleAttribute> query, Viewer viewer);

    void insertRule(SecurityGroupRule rule);

    void deleteRule(String id);

    long countRulesOwnedBy(String projectId);
}
