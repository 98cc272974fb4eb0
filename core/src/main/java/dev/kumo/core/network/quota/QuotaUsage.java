package dev.kumo.core.network.quota;

/** A line of {@code /quotas/{project}/details}: how many exist, the limit (-1 unlimited), and reservations (0). */
public record QuotaUsage(long used, int limit, int reserved) {}
