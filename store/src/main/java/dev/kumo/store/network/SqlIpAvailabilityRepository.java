package dev.kumo.store.network;

import dev.kumo.core.network.store.IpAvailabilityRepository;
import dev.kumo.model.network.AllocationPool;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Network IP availability from {@code network}, {@code subnet} and a count per subnet of {@code ip_allocation}
 * (its primary key starts with the subnet, so each count is an index range scan: 10,000 ports cost no rows
 * loaded into the service).
 */
final class SqlIpAvailabilityRepository implements IpAvailabilityRepository {
    private static final String SELECT = "SELECT n.id AS network_id, n.name AS network_name, n.project_id, "
            + "s.id AS subnet_id, s.name AS subnet_name, s.cidr, s.ip_version, s.allocation_pools, "
            + "(SELECT COUNT(*) FROM ip_allocation a WHERE a.subnet_id = s.id) AS used_ips "
            + "FROM network n LEFT JOIN subnet s ON s.network_id = n.id";

    private final Handle handle;

    SqlIpAvailabilityRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<SubnetUsage> usage(Set<String> networkIds, Set<String> networkNames, Set<String> projectIds,
                                   Set<Integer> ipVersions) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        in("n.id", "nid", networkIds, conditions, binds);
        in("n.name", "nname", networkNames, conditions, binds);
        in("n.project_id", "pid", projectIds, conditions, binds);
        in("s.ip_version", "ver", ipVersions, conditions, binds);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var query = handle.createQuery(SELECT + where + " ORDER BY n.id, s.id");
        binds.forEach(query::bind);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** {@code column IN (:p0, :p1, ...)}; nothing when {@code values} is empty. */
    private static void in(String column, String prefix, Set<?> values, List<String> conditions,
                           Map<String, Object> binds) {
        if (values.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Object value : values) {
            String name = prefix + names.size();
            names.add(":" + name);
            binds.put(name, value);
        }
        conditions.add(column + " IN (" + String.join(", ", names) + ")");
    }

    private static SubnetUsage row(ResultSet rs) throws SQLException {
        String subnetId = rs.getString("subnet_id");
        List<AllocationPool> pools = subnetId == null ? List.of() : JsonColumns.pairs(rs.getString("allocation_pools"))
                .stream().map(m -> new AllocationPool(m.get("start"), m.get("end"))).toList();
        return new SubnetUsage(rs.getString("network_id"), rs.getString("network_name"), rs.getString("project_id"),
                subnetId, rs.getString("subnet_name"), rs.getString("cidr"), rs.getInt("ip_version"), pools,
                rs.getLong("used_ips"));
    }
}
