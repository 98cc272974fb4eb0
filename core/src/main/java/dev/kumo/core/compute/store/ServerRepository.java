package dev.kumo.core.compute.store;

import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.server.TaskState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ServerRepository {
    Optional<Server> find(String id);

    /** Ordered by creation, newest first (as Nova lists), starting after {@code marker}. */
    List<Server> list(ServerQuery query);

    void insert(Server server);

    void update(Server server);

    /** Updates only if the stored task state is still {@code expected}: a converger step lost no race. */
    boolean updateIfTask(Server server, TaskState expected);

    boolean delete(String id);

    /** Ids of servers with a pending task, for the converger after a start. */
    List<String> pending();

    /** Servers, vCPUs and RAM of one project, for quotas. */
    Usage projectUsage(String projectId);

    /** What the servers placed on each host use, for the scheduler and os-hypervisors. */
    Map<String, Usage> hostUsage();

    record Usage(int instances, int vcpus, long ramMb, long diskGb) {
        public static final Usage NONE = new Usage(0, 0, 0, 0);
    }
}
