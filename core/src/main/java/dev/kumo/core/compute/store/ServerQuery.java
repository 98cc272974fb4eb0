package dev.kumo.core.compute.store;

import java.time.Instant;

/**
 * Which servers to list: every field null means "any". {@code projectId} null lists all projects (admins).
 * {@code vmState} and {@code host} are exact; the name regex is applied by the service.
 */
public record ServerQuery(String projectId, String vmState, String imageId, String flavorId, String host,
                          Instant changesSince, String marker, int limit) {}
