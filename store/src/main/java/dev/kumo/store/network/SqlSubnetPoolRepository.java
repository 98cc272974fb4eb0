package dev.kumo.store.network;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.SubnetPoolRepository;
import dev.kumo.core.network.subnetpool.SubnetPoolAttribute;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.model.network.SubnetPool;
import dev.kumo.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Subnet pools in {@code subnetpool} (prefixes as JSON), tags in {@code subnetpool_tag}. */
final class SqlSubnetPoolRepository implements SubnetPoolRepository {
    private static final String COLUMNS = "sp.id, sp.project_id, sp.name, sp.description, sp.ip_version, sp.prefixes, "
            + "sp.min_prefixlen, sp.max_prefixlen, sp.default_prefixlen, sp.default_quota, sp.shared, sp.is_default, "
            + "sp.address_scope_id, sp.revision_number, sp.created_at, sp.updated_at";

    private final Handle handle;
    private final Dialect dialect;

    SqlSubnetPoolRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public Optional<SubnetPool> find(String id, Viewer viewer) {
        return load(ListSql.byId(SubnetPoolTable.INSTANCE, dialect, id, viewer)).stream().findFirst();
    }

    @Override
    public List<SubnetPool> list(ListQuery<SubnetPoolAttribute> query, Viewer viewer) {
        return load(ListSql.list(SubnetPoolTable.INSTANCE, dialect, handle, query, viewer));
    }

    @Override
    public Optional<SubnetPool> defaultPool(int ipVersion) {
        return handle.createQuery("SELECT id FROM subnetpool WHERE is_default = TRUE AND ip_version = :v")
                .bind("v", ipVersion).mapTo(String.class).findFirst().flatMap(id -> find(id, Viewer.ALL));
    }

    @Override
    public List<String> allocatedCidrs(String poolId, String projectId) {
        return handle.createQuery("SELECT cidr FROM subnet WHERE subnetpool_id = :pool"
                        + (projectId == null ? "" : " AND project_id = :project") + " ORDER BY cidr")
                .bind("pool", poolId).bind("project", projectId).mapTo(String.class).list();
    }

    private List<SubnetPool> load(SqlSelect page) {
        List<SubnetPool> rows = page.rows(handle, COLUMNS, (rs, ctx) -> map(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> tags = Children.tags(handle, page, "subnetpool_tag");
        return rows.stream().map(p -> p.withStandard(p.standard().withTags(tags.getOrDefault(p.id(), List.of())))).toList();
    }

    private static SubnetPool map(ResultSet rs) throws SQLException {
        int quota = rs.getInt("default_quota");
        Integer defaultQuota = rs.wasNull() ? null : quota;
        return new SubnetPool(rs.getString("id"), rs.getString("project_id"), rs.getString("name"),
                rs.getInt("ip_version"), JsonColumns.strings(rs.getString("prefixes")), rs.getInt("min_prefixlen"),
                rs.getInt("max_prefixlen"), rs.getInt("default_prefixlen"), defaultQuota,
                rs.getBoolean("shared"), rs.getBoolean("is_default"), rs.getString("address_scope_id"),
                new StandardAttributes(rs.getString("description"), List.of(), rs.getLong("revision_number"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))));
    }

    @Override
    public void insert(SubnetPool pool) {
        bindAll(handle.createUpdate("""
                INSERT INTO subnetpool (id, project_id, name, description, ip_version, prefixes, min_prefixlen,
                    max_prefixlen, default_prefixlen, default_quota, shared, is_default, address_scope_id,
                    revision_number, created_at, updated_at)
                VALUES (:id, :projectId, :name, :description, :ipVersion, :prefixes, :minPrefixlen, :maxPrefixlen,
                    :defaultPrefixlen, :defaultQuota, :shared, :isDefault, :addressScopeId, :revision, :createdAt,
                    :updatedAt)"""), pool).execute();
        Children.replaceTags(handle, "subnetpool_tag", pool.id(), pool.standard().tags());
    }

    @Override
    public void update(SubnetPool pool) {
        int rows = bindAll(handle.createUpdate("""
                UPDATE subnetpool SET project_id = :projectId, name = :name, description = :description,
                    ip_version = :ipVersion, prefixes = :prefixes, min_prefixlen = :minPrefixlen,
                    max_prefixlen = :maxPrefixlen, default_prefixlen = :defaultPrefixlen, default_quota = :defaultQuota,
                    shared = :shared, is_default = :isDefault, address_scope_id = :addressScopeId,
                    revision_number = :revision, created_at = :createdAt, updated_at = :updatedAt
                WHERE id = :id"""), pool).execute();
        Rows.requireUpdated(rows, "subnetpool", pool.id());
        Children.replaceTags(handle, "subnetpool_tag", pool.id(), pool.standard().tags());
    }

    private static Update bindAll(Update update, SubnetPool p) {
        return update.bind("id", p.id()).bind("projectId", p.projectId()).bind("name", p.name())
                .bind("description", p.standard().description()).bind("ipVersion", p.ipVersion())
                .bind("prefixes", JsonColumns.write(p.prefixes())).bind("minPrefixlen", p.minPrefixlen())
                .bind("maxPrefixlen", p.maxPrefixlen()).bind("defaultPrefixlen", p.defaultPrefixlen())
                .bind("defaultQuota", p.defaultQuota()).bind("shared", p.shared()).bind("isDefault", p.isDefault())
                .bind("addressScopeId", p.addressScopeId()).bind("revision", p.standard().revisionNumber())
                .bind("createdAt", p.standard().createdAt().toEpochMilli())
                .bind("updatedAt", p.standard().updatedAt().toEpochMilli());
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM subnetpool WHERE id = :id").bind("id", id).execute();
    }
}
