package dev.kumo.core.compute.server;

import java.time.Instant;

/**
 * The filters of {@code GET /servers}: null means "any". {@code name}, {@code ip} and {@code ip6} are regexes;
 * {@code reservationId} picks the servers of one multiple create (tempest finds min_count servers by it).
 */
public record ServerListRequest(String name, String vmState, String imageId, String flavorId, String host,
                                boolean allTenants, String projectId, Instant changesSince, String marker, int limit,
                                String ip, String ip6, String reservationId) {}
