package dev.kumo.model.identity;

import java.util.Map;

/**
 * An OS-EP-FILTER endpoint group: the endpoints whose attributes match every entry of {@code filters}
 * ({@code service_id}, {@code region_id}, {@code interface}).
 */
public record EndpointGroup(String id, String name, String description, Map<String, String> filters) {
    public EndpointGroup {
        filters = Map.copyOf(filters);
    }
}
