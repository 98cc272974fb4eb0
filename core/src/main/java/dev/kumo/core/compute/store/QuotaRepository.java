package dev.kumo.core.compute.store;

import java.util.Map;

/**
 * Quota limits that differ from the level above: per quota class (only "default" is used, as in Nova), per
 * project, and per user inside a project.
 */
public interface QuotaRepository {
    Map<String, Integer> overrides(String projectId);

    void set(String projectId, String resource, int limit);

    /** Removes the project's own limits and its users' (Nova's "revert to defaults"). */
    void deleteProject(String projectId);

    Map<String, Integer> userOverrides(String projectId, String userId);

    void setUser(String projectId, String userId, String resource, int limit);

    void deleteUser(String projectId, String userId);

    Map<String, Integer> classLimits(String className);

    void setClass(String className, String resource, int limit);
}
