package dev.kumo.store.network;

import dev.kumo.core.network.network.NetworkAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkRepository;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Segment;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Networks in {@code network}, tags in {@code network_tag}; subnet ids come from {@code subnet}. */
final class SqlNetworkRepository implements NetworkRepository {
    private static final String COLUMNS = "n.id, n.project_id, n.name, n.description, n.admin_state_up, n.shared, "
            + "n.external, n.network_type, n.physical_network, n.segmentation_id, n.mtu, n.port_security_enabled, "
            + "n.status, n.availability_zone_hints, n.dns_domain, n.revision_number, n.created_at, n.updated_at";

    private final Handle handle;
    private final Dialect dialect;

    SqlNetworkRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public Optional<Network> find(String id, Viewer viewer) {
        return load(ListSql.byId(NetworkTable.INSTANCE, dialect, id, viewer)).stream().findFirst();
    }

    @Override
    public List<Network> list(ListQuery<NetworkAttribute> query, Viewer viewer) {
        return load(ListSql.list(NetworkTable.INSTANCE, dialect, handle, query, viewer));
    }

    private List<Network> load(SqlSelect page) {
        record Row(String id, Network withoutChildren) {}
        List<Row> rows = page.rows(handle, COLUMNS, (rs, ctx) -> new Row(rs.getString("id"), map(rs)));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> tags = Children.tags(handle, page, "network_tag");
        Map<String, List<String>> subnets = Children.of(handle, page,
                "SELECT network_id, id FROM subnet WHERE network_id IN (:ids) ORDER BY created_at, id",
                (rs, ctx) -> rs.getString(2));
        return rows.stream().map(r -> {
            Network n = r.withoutChildren();
            return new Network(n.id(), n.projectId(), n.name(), n.adminStateUp(), n.shared(), n.external(), n.segment(),
                    n.mtu(), n.portSecurityEnabled(), n.status(), n.availabilityZoneHints(), n.dnsDomain(),
                    subnets.getOrDefault(r.id(), List.of()), n.standard().withTags(tags.getOrDefault(r.id(), List.of())));
        }).toList();
    }

    private static Network map(ResultSet rs) throws SQLException {
        int segmentationId = rs.getInt("segmentation_id");
        Integer segment = rs.wasNull() ? null : segmentationId;
        return new Network(rs.getString("id"), rs.getString("project_id"), rs.getString("name"),
                rs.getBoolean("admin_state_up"), rs.getBoolean("shared"), rs.getBoolean("external"),
                new Segment(rs.getString("network_type"), rs.getString("physical_network"), segment), rs.getInt("mtu"),
                rs.getBoolean("port_security_enabled"), ResourceStatus.valueOf(rs.getString("status")),
                JsonColumns.strings(rs.getString("availability_zone_hints")), rs.getString("dns_domain"), List.of(),
                new StandardAttributes(rs.getString("description"), List.of(), rs.getLong("revision_number"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))));
    }

    @Override
    public void insert(Network network) {
        bindAll(handle.createUpdate("""
                INSERT INTO network (id, project_id, name, description, admin_state_up, shared, external, network_type,
                    physical_network, segmentation_id, mtu, port_security_enabled, status, availability_zone_hints,
                    dns_domain, revision_number, created_at, updated_at)
                VALUES (:id, :projectId, :name, :description, :adminStateUp, :shared, :external, :networkType,
                    :physicalNetwork, :segmentationId, :mtu, :portSecurityEnabled, :status, :zones, :dnsDomain,
                    :revision, :createdAt, :updatedAt)"""), network).execute();
        Children.replaceTags(handle, "network_tag", network.id(), network.standard().tags());
    }

    @Override
    public void update(Network network) {
        int rows = bindAll(handle.createUpdate("""
                UPDATE network SET project_id = :projectId, name = :name, description = :description,
                    admin_state_up = :adminStateUp, shared = :shared, external = :external, network_type = :networkType,
                    physical_network = :physicalNetwork, segmentation_id = :segmentationId, mtu = :mtu,
                    port_security_enabled = :portSecurityEnabled, status = :status, availability_zone_hints = :zones,
                    dns_domain = :dnsDomain, revision_number = :revision, created_at = :createdAt, updated_at = :updatedAt
                WHERE id = :id"""), network).execute();
        Rows.requireUpdated(rows, "network", network.id());
        Children.replaceTags(handle, "network_tag", network.id(), network.standard().tags());
    }

    private static Update bindAll(Update update, Network n) {
        return update.bind("id", n.id()).bind("projectId", n.projectId()).bind("name", n.name())
                .bind("description", n.standard().description()).bind("adminStateUp", n.adminStateUp())
                .bind("shared", n.shared()).bind("external", n.external())
                .bind("networkType", n.segment().networkType()).bind("physicalNetwork", n.segment().physicalNetwork())
                .bind("segmentationId", n.segment().segmentationId()).bind("mtu", n.mtu())
                .bind("portSecurityEnabled", n.portSecurityEnabled()).bind("status", n.status().name())
                .bind("zones", JsonColumns.write(n.availabilityZoneHints())).bind("dnsDomain", n.dnsDomain())
                .bind("revision", n.standard().revisionNumber()).bind("createdAt", n.standard().createdAt().toEpochMilli())
                .bind("updatedAt", n.standard().updatedAt().toEpochMilli());
    }

    @Override
    public boolean updateStatus(String id, ResourceStatus status, Instant now) {
        return handle.createUpdate("""
                        UPDATE network SET status = :status, revision_number = revision_number + 1, updated_at = :now
                        WHERE id = :id AND status <> :status""")
                .bind("id", id).bind("status", status.name()).bind("now", now.toEpochMilli()).execute() == 1;
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM network WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public long countOwnedBy(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM network WHERE project_id = :p").bind("p", projectId)
                .mapTo(Long.class).one();
    }

    /** The lowest id in [min, max] no network of the type has: min itself, or one above a taken one. */
    @Override
    public OptionalInt freeSegmentationId(String networkType, int min, int max) {
        Optional<Integer> free = handle.createQuery("""
                        SELECT MIN(c.candidate) FROM (
                            SELECT CAST(:min AS INTEGER) AS candidate
                            UNION ALL
                            SELECT segmentation_id + 1 FROM network
                            WHERE network_type = :type AND segmentation_id BETWEEN :min AND :max
                        ) c
                        WHERE c.candidate <= :max AND NOT EXISTS (
                            SELECT 1 FROM network n WHERE n.network_type = :type AND n.segmentation_id = c.candidate)""")
                .bind("type", networkType).bind("min", min).bind("max", max)
                .mapTo(Integer.class).list().stream().filter(Objects::nonNull).findFirst();
        return free.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    @Override
    public boolean segmentInUse(String networkType, String physicalNetwork, Integer segmentationId) {
        if (segmentationId == null) {
            return handle.createQuery("SELECT COUNT(*) FROM network WHERE network_type = :type AND physical_network = :physnet")
                    .bind("type", networkType).bind("physnet", physicalNetwork).mapTo(Long.class).one() > 0;
        }
        return handle.createQuery("""
                        SELECT COUNT(*) FROM network WHERE network_type = :type AND segmentation_id = :id
                            AND COALESCE(physical_network, '') = :physnet""")
                .bind("type", networkType).bind("id", segmentationId)
                .bind("physnet", physicalNetwork == null ? "" : physicalNetwork).mapTo(Long.class).one() > 0;
    }

    @Override
    public boolean hasPortsOfOtherProjects(String networkId, String ownerProjectId) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM port WHERE network_id = :id AND project_id <> :owner
                            AND device_owner NOT LIKE 'network:%'""")
                .bind("id", networkId).bind("owner", ownerProjectId).mapTo(Long.class).one() > 0;
    }

    @Override
    public List<String> ids() {
        return handle.createQuery("SELECT id FROM network ORDER BY id").mapTo(String.class).list();
    }
}
