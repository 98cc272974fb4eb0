package dev.kumo.core.compute.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Server tags (2.26), kept beside the server record; deleting a server deletes its tags. */
public interface ServerTagRepository {
    /** The server's tags, sorted. */
    List<String> of(String serverId);

    /** The tags of each of the servers that has any, sorted. */
    Map<String, List<String>> of(Collection<String> serverIds);

    /** True if the tag was added, false if the server already had it. */
    boolean add(String serverId, String tag);

    boolean remove(String serverId, String tag);

    void removeAll(String serverId);
}
