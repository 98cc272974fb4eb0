package dev.kumo.model.network;

import java.util.List;
import java.util.Objects;

/**
 * A Neutron security group with its rules. {@code isDefault} marks the project's {@code default} group,
 * made on first use, which cannot be deleted or renamed.
 */
public record SecurityGroup(String id, String projectId, String name, boolean stateful, boolean isDefault,
                            List<SecurityGroupRule> rules, StandardAttributes standard) {
    public SecurityGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
        Objects.requireNonNull(standard, "standard");
    }

    public SecurityGroup withRules(List<SecurityGroupRule> newRules) {
        return new SecurityGroup(id, projectId, name, stateful, isDefault, newRules, standard);
    }

    public SecurityGroup withStandard(StandardAttributes newStandard) {
        return new SecurityGroup(id, projectId, name, stateful, isDefault, rules, newStandard);
    }
}
