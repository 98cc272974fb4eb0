package dev.kumo.core.identity.catalog;

import dev.kumo.model.identity.Service;
import java.util.function.Predicate;

/** Keystone's list filters for services; null fields do not filter. */
public record ServiceFilter(String type, String name) implements Predicate<Service> {
    @Override
    public boolean test(Service s) {
        return (type == null || type.equals(s.type())) && (name == null || name.equals(s.name()));
    }
}
