package dev.kumo.core.identity.catalog;

import java.util.Map;

/**
 * Fields an endpoint create or update sets; null means "not given". {@code legacyRegion} is the v2-style
 * {@code region} attribute: Keystone creates that region when it does not exist yet.
 */
public record EndpointChanges(String id, String serviceId, String iface, String url, String regionId,
                              String legacyRegion, Boolean enabled, Map<String, Object> extra) {}
