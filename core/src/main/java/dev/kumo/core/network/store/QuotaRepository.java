package dev.kumo.core.network.store;

import java.util.Map;

/** Per-project quota overrides; a project without a row for a resource has the default. */
public interface QuotaRepository {
    /** The project's overrides, by resource name. */
    Map<String, Integer> overrides(String projectId);

    /** Every project with at least one override, with its overrides. */
    Map<String, Map<String, Integer>> allOverrides();

    void set(String projectId, String resource, int limit);

    void clear(String projectId);
}
