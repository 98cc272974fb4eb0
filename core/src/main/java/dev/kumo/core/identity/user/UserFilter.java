package dev.kumo.core.identity.user;

import dev.kumo.model.identity.User;
import java.util.function.Predicate;

/** Keystone's list filters for users; null fields do not filter. */
public record UserFilter(String name, String domainId, Boolean enabled) implements Predicate<User> {
    public static final UserFilter ALL = new UserFilter(null, null, null);

    @Override
    public boolean test(User u) {
        return (name == null || name.equals(u.name()))
                && (domainId == null || domainId.equals(u.domainId()))
                && (enabled == null || enabled == u.enabled());
    }
}
