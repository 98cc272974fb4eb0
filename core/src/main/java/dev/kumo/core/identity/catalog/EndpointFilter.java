package dev.kumo.core.identity.catalog;

import dev.kumo.model.identity.Endpoint;
import java.util.function.Predicate;

/** Keystone's list filters for endpoints; null fields do not filter. */
public record EndpointFilter(String serviceId, String iface, String regionId) implements Predicate<Endpoint> {
    @Override
    public boolean test(Endpoint e) {
        return (serviceId == null || serviceId.equals(e.serviceId()))
                && (iface == null || iface.equals(e.iface()))
                && (regionId == null || regionId.equals(e.regionId()));
    }
}
