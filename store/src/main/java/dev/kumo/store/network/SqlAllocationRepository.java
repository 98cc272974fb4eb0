package dev.kumo.store.network;

import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.IpRange;
import dev.kumo.core.network.store.AllocationRepository;
import dev.kumo.store.Dialect;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/** IPAM's queries on {@code ip_allocation}, by the sortable {@code ip_key}. */
final class SqlAllocationRepository implements AllocationRepository {
    private final Handle handle;
    private final String collate;

    SqlAllocationRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        // hex keys must compare byte-wise; PostgreSQL's default collation might not
        this.collate = dialect == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    @Override
    public Optional<String> holder(String subnetId, IpAddress ip) {
        return handle.createQuery("SELECT port_id FROM ip_allocation WHERE subnet_id = :subnet AND ip_key = :key")
                .bind("subnet", subnetId).bind("key", ip.key()).mapTo(String.class).findOne();
    }

    /**
     * Walks the range and the allocated keys inside it together, both in order, stopping at the first gap:
     * it reads only as many rows as there are allocations below the first free address.
     */
    @Override
    public Optional<IpAddress> lowestFree(String subnetId, IpRange range, Set<IpAddress> pending) {
        try (Stream<String> keys = handle.createQuery("SELECT ip_key FROM ip_allocation WHERE subnet_id = :subnet"
                        + " AND ip_key" + collate + " >= :first AND ip_key" + collate + " <= :last ORDER BY ip_key" + collate)
                .bind("subnet", subnetId).bind("first", range.first().key()).bind("last", range.last().key())
                .setFetchSize(256).mapTo(String.class).stream()) {
            Iterator<String> allocated = keys.iterator();
            String next = allocated.hasNext() ? allocated.next() : null;
            IpAddress candidate = range.first();
            while (!range.last().lessThan(candidate)) {
                String key = candidate.key();
                while (next != null && next.compareTo(key) < 0) {
                    next = allocated.hasNext() ? allocated.next() : null;
                }
                if (!key.equals(next) && !pending.contains(candidate)) {
                    return Optional.of(candidate);
                }
                candidate = candidate.plus(1);
            }
            return Optional.empty();
        }
    }
}
