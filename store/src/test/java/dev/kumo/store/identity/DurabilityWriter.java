package dev.kumo.store.identity;

import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Ids;
import dev.kumo.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link DurabilityTest}: writes domains to the SQLite file named by its argument, one
 * write per domain, and prints "committed ID" once each write has returned, until it is killed.
 */
public final class DurabilityWriter {
    static final String PREFIX = "committed ";

    private DurabilityWriter() {}

    public static void main(String[] args) {
        // Never closed: the test kills this process, which is the point.
        SqlIdentityStore store = new SqlIdentityStore(Database.sqlite(Path.of(args[0])));
        while (true) {
            String id = Ids.newId();
            store.write(tx -> {
                tx.domains().insert(new Domain(id, id, null, true, List.of("t"), Map.of("k", "v")));
                return null;
            });
            System.out.println(PREFIX + id);
            System.out.flush();
        }
    }
}
