package dev.kumo.store.network;

import dev.kumo.core.network.query.Filter;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.PageRequest;
import dev.kumo.core.network.query.SortKey;
import dev.kumo.core.network.query.TagFilter;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.SubnetRepository;
import dev.kumo.core.network.subnet.SubnetAttribute;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.HostRoute;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.model.network.Subnet;
import dev.kumo.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Subnets in {@code subnet} (allocation pools, routes and DNS servers as JSON), tags in {@code subnet_tag}. */
final class SqlSubnetRepository implements SubnetRepository {
    private static final String COLUMNS = "s.id, s.project_id, s.network_id, s.name, s.description, s.ip_version, "
            + "s.cidr, s.gateway_ip, s.enable_dhcp, s.ipv6_ra_mode, s.ipv6_address_mode, s.dns_nameservers, "
            + "s.host_routes, s.allocation_pools, s.subnetpool_id, s.revision_number, s.created_at, s.updated_at";

    private final Handle handle;
    private final Dialect dialect;

    SqlSubnetRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public Optional<Subnet> find(String id, Viewer viewer) {
        return load(ListSql.byId(SubnetTable.INSTANCE, dialect, id, viewer)).stream().findFirst();
    }

    @Override
    public List<Subnet> list(ListQuery<SubnetAttribute> query, Viewer viewer) {
        return load(ListSql.list(SubnetTable.INSTANCE, dialect, handle, query, viewer));
    }

    @Override
    public List<Subnet> ofNetwork(String networkId) {
        var query = new ListQuery<>(List.of(new Filter<>(SubnetAttribute.NETWORK_ID, List.of(networkId))),
                TagFilter.NONE, List.of(new SortKey<>(SubnetAttribute.CREATED_AT, true)), PageRequest.ALL);
        return list(query, Viewer.ALL);
    }

    private List<Subnet> load(SqlSelect page) {
        List<Subnet> rows = page.rows(handle, COLUMNS, (rs, ctx) -> map(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> tags = Children.tags(handle, page, "subnet_tag");
        return rows.stream().map(s -> s.withStandard(s.standard().withTags(tags.getOrDefault(s.id(), List.of())))).toList();
    }

    private static Subnet map(ResultSet rs) throws SQLException {
        return new Subnet(rs.getString("id"), rs.getString("project_id"), rs.getString("network_id"), rs.getString("name"),
                rs.getInt("ip_version"), rs.getString("cidr"), rs.getString("gateway_ip"), rs.getBoolean("enable_dhcp"),
                rs.getString("ipv6_ra_mode"), rs.getString("ipv6_address_mode"),
                JsonColumns.strings(rs.getString("dns_nameservers")),
                JsonColumns.pairs(rs.getString("host_routes")).stream()
                        .map(m -> new HostRoute(m.get("destination"), m.get("nexthop"))).toList(),
                JsonColumns.pairs(rs.getString("allocation_pools")).stream()
                        .map(m -> new AllocationPool(m.get("start"), m.get("end"))).toList(),
                rs.getString("subnetpool_id"), new StandardAttributes(rs.getString("description"), List.of(), rs.getLong("revision_number"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))));
    }

    @Override
    public void insert(Subnet subnet) {
        bindAll(handle.createUpdate("""
                INSERT INTO subnet (id, project_id, network_id, name, description, ip_version, cidr, gateway_ip,
                    enable_dhcp, ipv6_ra_mode, ipv6_address_mode, dns_nameservers, host_routes, allocation_pools,
                    subnetpool_id, revision_number, created_at, updated_at)
                VALUES (:id, :projectId, :networkId, :name, :description, :ipVersion, :cidr, :gatewayIp, :enableDhcp,
                    :raMode, :addressMode, :dns, :routes, :pools, :subnetpoolId, :revision, :createdAt, :updatedAt)"""), subnet).execute();
        Children.replaceTags(handle, "subnet_tag", subnet.id(), subnet.standard().tags());
    }

    @Override
    public void update(Subnet subnet) {
        int rows = bindAll(handle.createUpdate("""
                UPDATE subnet SET project_id = :projectId, network_id = :networkId, name = :name,
                    description = :description, ip_version = :ipVersion, cidr = :cidr, gateway_ip = :gatewayIp,
                    enable_dhcp = :enableDhcp, ipv6_ra_mode = :raMode, ipv6_address_mode = :addressMode,
                    dns_nameservers = :dns, host_routes = :routes, allocation_pools = :pools, subnetpool_id = :subnetpoolId,
                    revision_number = :revision, created_at = :createdAt, updated_at = :updatedAt
                WHERE id = :id"""), subnet).execute();
        Rows.requireUpdated(rows, "subnet", subnet.id());
        Children.replaceTags(handle, "subnet_tag", subnet.id(), subnet.standard().tags());
    }

    private static Update bindAll(Update update, Subnet s) {
        return update.bind("id", s.id()).bind("projectId", s.projectId()).bind("networkId", s.networkId())
                .bind("name", s.name()).bind("description", s.standard().description()).bind("ipVersion", s.ipVersion())
                .bind("cidr", s.cidr()).bind("gatewayIp", s.gatewayIp()).bind("enableDhcp", s.enableDhcp())
                .bind("raMode", s.ipv6RaMode()).bind("addressMode", s.ipv6AddressMode())
                .bind("dns", JsonColumns.write(s.dnsNameservers()))
                .bind("routes", JsonColumns.write(s.hostRoutes().stream()
                        .map(r -> Map.of("destination", r.destination(), "nexthop", r.nexthop())).toList()))
                .bind("pools", JsonColumns.write(s.allocationPools().stream()
                        .map(p -> Map.of("start", p.start(), "end", p.end())).toList()))
                .bind("subnetpoolId", s.subnetpoolId()).bind("revision", s.standard().revisionNumber()).bind("createdAt", s.standard().createdAt().toEpochMilli())
                .bind("updatedAt", s.standard().updatedAt().toEpochMilli());
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM subnet WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public long countOwnedBy(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM subnet WHERE project_id = :p").bind("p", projectId)
                .mapTo(Long.class).one();
    }
}
