package dev.kumo.core.identity.group;

import dev.kumo.model.identity.Group;
import java.util.function.Predicate;

/** Keystone's list filters for groups; null fields do not filter. */
public record GroupFilter(String name, String domainId) implements Predicate<Group> {
    public static final GroupFilter ALL = new GroupFilter(null, null);

    @Override
    public boolean test(Group g) {
        return (name == null || name.equals(g.name())) && (domainId == null || domainId.equals(g.domainId()));
    }
}
