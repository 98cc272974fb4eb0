package dev.kumo.store.network;

import dev.kumo.core.network.floatingip.FloatingIpAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.FloatingIpRepository;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Floating IPs in {@code floatingip}, tags in {@code floatingip_tag}. */
final class SqlFloatingIpRepository implements FloatingIpRepository {
    private static final String COLUMNS = "f.id, f.project_id, f.floating_network_id, f.floating_ip_address, "
            + "f.floating_port_id, f.port_id, f.fixed_ip_address, f.router_id, f.status, f.description, "
            + "f.revision_number, f.created_at, f.updated_at";

    private final Handle handle;
    private final Dialect dialect;

    SqlFloatingIpRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public Optional<FloatingIp> find(String id, Viewer viewer) {
        return load(ListSql.byId(FloatingIpTable.INSTANCE, dialect, id, viewer)).stream().findFirst();
    }

    @Override
    public List<FloatingIp> list(ListQuery<FloatingIpAttribute> query, Viewer viewer) {
        return load(ListSql.list(FloatingIpTable.INSTANCE, dialect, handle, query, viewer));
    }

    @Override
    public List<FloatingIp> throughRouter(String routerId) {
        return list(ListQuery.where(FloatingIpAttribute.ROUTER_ID, routerId), Viewer.ALL);
    }

    @Override
    public Optional<FloatingIp> associatedWith(String portId, String fixedIpAddress, String networkId) {
        return list(ListQuery.where(FloatingIpAttribute.PORT_ID, portId), Viewer.ALL).stream()
                .filter(f -> f.floatingNetworkId().equals(networkId) && fixedIpAddress.equals(f.fixedIpAddress()))
                .findFirst();
    }

    private List<FloatingIp> load(SqlSelect page) {
        List<FloatingIp> rows = page.rows(handle, COLUMNS, (rs, ctx) -> map(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> tags = Children.tags(handle, page, "floatingip_tag");
        return rows.stream().map(f -> f.withStandard(f.standard().withTags(tags.getOrDefault(f.id(), List.of())))).toList();
    }

    private static FloatingIp map(ResultSet rs) throws SQLException {
        String port = rs.getString("port_id");
        return new FloatingIp(rs.getString("id"), rs.getString("project_id"), rs.getString("floating_network_id"),
                rs.getString("floating_ip_address"), rs.getString("floating_port_id"), port,
                port == null ? null : rs.getString("fixed_ip_address"), port == null ? null : rs.getString("router_id"),
                port == null ? ResourceStatus.DOWN : ResourceStatus.valueOf(rs.getString("status")),
                new StandardAttributes(rs.getString("description"), List.of(), rs.getLong("revision_number"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))));
    }

    @Override
    public void insert(FloatingIp f) {
        bindAll(handle.createUpdate("""
                INSERT INTO floatingip (id, project_id, floating_network_id, floating_ip_address, floating_port_id,
                    port_id, fixed_ip_address, router_id, status, description, revision_number, created_at, updated_at)
                VALUES (:id, :projectId, :networkId, :address, :floatingPortId, :portId, :fixedIp, :routerId, :status,
                    :description, :revision, :createdAt, :updatedAt)"""), f).execute();
        Children.replaceTags(handle, "floatingip_tag", f.id(), f.standard().tags());
    }

    @Override
    public void update(FloatingIp f) {
        int rows = bindAll(handle.createUpdate("""
                UPDATE floatingip SET project_id = :projectId, floating_network_id = :networkId,
                    floating_ip_address = :address, floating_port_id = :floatingPortId, port_id = :portId,
                    fixed_ip_address = :fixedIp, router_id = :routerId, status = :status, description = :description,
                    revision_number = :revision, created_at = :createdAt, updated_at = :updatedAt
                WHERE id = :id"""), f).execute();
        Rows.requireUpdated(rows, "floatingip", f.id());
        Children.replaceTags(handle, "floatingip_tag", f.id(), f.standard().tags());
    }

    private static Update bindAll(Update update, FloatingIp f) {
        return update.bind("id", f.id()).bind("projectId", f.projectId()).bind("networkId", f.floatingNetworkId())
                .bind("address", f.floatingIpAddress()).bind("floatingPortId", f.floatingPortId())
                .bind("portId", f.portId()).bind("fixedIp", f.fixedIpAddress()).bind("routerId", f.routerId())
                .bind("status", f.status().name()).bind("description", f.standard().description())
                .bind("revision", f.standard().revisionNumber()).bind("createdAt", f.standard().createdAt().toEpochMilli())
                .bind("updatedAt", f.standard().updatedAt().toEpochMilli());
    }

    @Override
    public boolean updateStatus(String id, ResourceStatus status, Instant now) {
        return handle.createUpdate("""
                        UPDATE floatingip SET status = :status, revision_number = revision_number + 1, updated_at = :now
                        WHERE id = :id AND status <> :status""")
                .bind("id", id).bind("status", status.name()).bind("now", now.toEpochMilli()).execute() == 1;
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM floatingip WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public long countOwnedBy(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM floatingip WHERE project_id = :p").bind("p", projectId)
                .mapTo(Long.class).one();
    }
}
