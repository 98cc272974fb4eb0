package dev.kumo.core.compute.store;

import dev.kumo.core.compute.server.SchedulerHints;

/** The same_host / different_host hints of servers not yet (or once) scheduled; deleting a server drops them. */
public interface SchedulerHintRepository {
    void save(String serverId, SchedulerHints hints);

    /** The server's host hints ({@code group} is always null here: membership is the group repository's). */
    SchedulerHints of(String serverId);
}
