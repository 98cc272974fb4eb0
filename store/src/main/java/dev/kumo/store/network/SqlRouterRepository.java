package dev.kumo.store.network;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.router.RouterAttribute;
import dev.kumo.core.network.store.RouterRepository;
import dev.kumo.model.network.HostRoute;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Router;
import dev.kumo.model.network.RouterGateway;
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

/** Routers in {@code router} (routes as JSON, the gateway as columns), tags in {@code router_tag}. */
final class SqlRouterRepository implements RouterRepository {
    private static final String COLUMNS = "r.id, r.project_id, r.name, r.description, r.admin_state_up, r.status, "
            + "r.gateway_network_id, r.gateway_port_id, r.enable_snat, r.routes, r.distributed, r.ha, "
            + "r.revision_number, r.created_at, r.updated_at";

    private final Handle handle;
    private final Dialect dialect;

    SqlRouterRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public Optional<Router> find(String id, Viewer viewer) {
        return load(ListSql.byId(RouterTable.INSTANCE, dialect, id, viewer)).stream().findFirst();
    }

    @Override
    public List<Router> list(ListQuery<RouterAttribute> query, Viewer viewer) {
        return load(ListSql.list(RouterTable.INSTANCE, dialect, handle, query, viewer));
    }

    @Override
    public List<Router> withGatewayOn(String networkId) {
        List<String> ids = handle.createQuery("SELECT id FROM router WHERE gateway_network_id = :n ORDER BY id")
                .bind("n", networkId).mapTo(String.class).list();
        return ids.stream().map(id -> find(id, Viewer.ALL).orElseThrow()).toList();
    }

    private List<Router> load(SqlSelect page) {
        List<Router> rows = page.rows(handle, COLUMNS, (rs, ctx) -> map(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> tags = Children.tags(handle, page, "router_tag");
        return rows.stream().map(r -> r.withStandard(r.standard().withTags(tags.getOrDefault(r.id(), List.of())))).toList();
    }

    private static Router map(ResultSet rs) throws SQLException {
        String gatewayNetwork = rs.getString("gateway_network_id");
        RouterGateway gateway = gatewayNetwork == null ? null
                : new RouterGateway(gatewayNetwork, rs.getBoolean("enable_snat"), rs.getString("gateway_port_id"));
        return new Router(rs.getString("id"), rs.getString("project_id"), rs.getString("name"),
                rs.getBoolean("admin_state_up"), ResourceStatus.valueOf(rs.getString("status")), gateway,
                JsonColumns.pairs(rs.getString("routes")).stream()
                        .map(m -> new HostRoute(m.get("destination"), m.get("nexthop"))).toList(),
                rs.getBoolean("distributed"), rs.getBoolean("ha"),
                new StandardAttributes(rs.getString("description"), List.of(), rs.getLong("revision_number"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))));
    }

    @Override
    public void insert(Router router) {
        bindAll(handle.createUpdate("""
                INSERT INTO router (id, project_id, name, description, admin_state_up, status, gateway_network_id,
                    gateway_port_id, enable_snat, routes, distributed, ha, revision_number, created_at, updated_at)
                VALUES (:id, :projectId, :name, :description, :adminStateUp, :status, :gatewayNetworkId,
                    :gatewayPortId, :enableSnat, :routes, :distributed, :ha, :revision, :createdAt, :updatedAt)"""),
                router).execute();
        Children.replaceTags(handle, "router_tag", router.id(), router.standard().tags());
    }

    @Override
    public void update(Router router) {
        int rows = bindAll(handle.createUpdate("""
                UPDATE router SET project_id = :projectId, name = :name, description = :description,
                    admin_state_up = :adminStateUp, status = :status, gateway_network_id = :gatewayNetworkId,
                    gateway_port_id = :gatewayPortId, enable_snat = :enableSnat, routes = :routes,
                    distributed = :distributed, ha = :ha, revision_number = :revision, created_at = :createdAt,
                    updated_at = :updatedAt
                WHERE id = :id"""), router).execute();
        Rows.requireUpdated(rows, "router", router.id());
        Children.replaceTags(handle, "router_tag", router.id(), router.standard().tags());
    }

    private static Update bindAll(Update update, Router r) {
        RouterGateway g = r.gateway();
        return update.bind("id", r.id()).bind("projectId", r.projectId()).bind("name", r.name())
                .bind("description", r.standard().description()).bind("adminStateUp", r.adminStateUp())
                .bind("status", r.status().name()).bind("gatewayNetworkId", g == null ? null : g.networkId())
                .bind("gatewayPortId", g == null ? null : g.portId()).bind("enableSnat", g != null && g.enableSnat())
                .bind("routes", JsonColumns.write(r.routes().stream()
                        .map(h -> Map.of("destination", h.destination(), "nexthop", h.nexthop())).toList()))
                .bind("distributed", r.distributed()).bind("ha", r.ha())
                .bind("revision", r.standard().revisionNumber()).bind("createdAt", r.standard().createdAt().toEpochMilli())
                .bind("updatedAt", r.standard().updatedAt().toEpochMilli());
    }

    @Override
    public boolean updateStatus(String id, ResourceStatus status, Instant now) {
        return handle.createUpdate("""
                        UPDATE router SET status = :status, revision_number = revision_number + 1, updated_at = :now
                        WHERE id = :id AND status <> :status""")
                .bind("id", id).bind("status", status.name()).bind("now", now.toEpochMilli()).execute() == 1;
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM router WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public long countOwnedBy(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM router WHERE project_id = :p").bind("p", projectId)
                .mapTo(Long.class).one();
    }
}
