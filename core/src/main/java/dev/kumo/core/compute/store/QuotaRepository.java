package dev.kumo.core.compute.store;

import java.util.Map;

/** Per-project quota limits that differ from the defaults. */
public interface QuotaRepository {
    Map<String, Integer> overrides(String projectId);

    void set(String projectId, String resource, int limit);
}
