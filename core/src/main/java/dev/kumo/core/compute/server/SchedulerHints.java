package dev.kumo.core.compute.server;

import java.util.List;

/**
 * The scheduler hints of a server create kumo honours: {@code group} (a server group id, or null),
 * {@code same_host} and {@code different_host} (server ids whose hosts the new servers must share or avoid).
 */
public record SchedulerHints(String group, List<String> sameHost, List<String> differentHost) {
    public static final SchedulerHints NONE = new SchedulerHints(null, List.of(), List.of());

    public SchedulerHints {
        sameHost = sameHost == null ? List.of() : List.copyOf(sameHost);
        differentHost = differentHost == null ? List.of() : List.copyOf(differentHost);
    }

    /** Whether a host constraint must be stored with the servers for the scheduler. */
    public boolean hasHostHints() {
        return !sameHost.isEmpty() || !differentHost.isEmpty();
    }
}
