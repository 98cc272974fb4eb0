package dev.kumo.core.identity.catalog;

import java.util.Map;

/**
 * Fields a region create or update sets; null means "not given". {@code parentGiven} tells an explicit
 * {@code "parent_region_id": null} (make it a root region) from a parent that was not mentioned at all.
 */
public record RegionChanges(String id, String description, boolean parentGiven, String parentRegionId,
                            Map<String, Object> extra) {}
