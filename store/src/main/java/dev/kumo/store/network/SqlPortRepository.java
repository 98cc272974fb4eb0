package dev.kumo.store.network;

import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.PortRepository;
import dev.kumo.model.network.AddressPair;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortBinding;
import dev.kumo.model.network.PortSecurity;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/**
 * Ports in {@code port}; their fixed IPs in {@code ip_allocation} (whose primary key refuses a second
 * allocation of an address on a subnet), security groups in {@code port_security_group}, tags in
 * {@code port_tag}; address pairs, binding profile and vif details as JSON.
 */
final class SqlPortRepository implements PortRepository {
    private static final String COLUMNS = "p.id, p.project_id, p.network_id, p.name, p.description, p.mac_address, "
            + "p.admin_state_up, p.status, p.device_id, p.device_owner, p.port_security_enabled, "
            + "p.allowed_address_pairs, p.binding_host_id, p.binding_vnic_type, p.binding_profile, p.binding_vif_type, "
            + "p.binding_vif_details, p.dns_name, p.revision_number, p.created_at, p.updated_at";

    private final Handle handle;
    private final Dialect dialect;

    SqlPortRepository(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public Optional<Port> find(String id, Viewer viewer) {
        return load(ListSql.byId(PortTable.INSTANCE, dialect, id, viewer)).stream().findFirst();
    }

    @Override
    public List<Port> list(ListQuery<PortAttribute> query, Viewer viewer) {
        return load(ListSql.list(PortTable.INSTANCE, dialect, handle, query, viewer));
    }

    @Override
    public List<Port> ofNetwork(String networkId) {
        return list(ListQuery.where(PortAttribute.NETWORK_ID, networkId), Viewer.ALL);
    }

    @Override
    public List<Port> onSubnet(String subnetId) {
        return list(ListQuery.where(PortAttribute.FIXED_IP_SUBNET, subnetId), Viewer.ALL);
    }

    private List<Port> load(SqlSelect page) {
        List<Port> rows = page.rows(handle, COLUMNS, (rs, ctx) -> map(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<FixedIp>> ips = Children.of(handle, page,
                "SELECT port_id, subnet_id, ip_address FROM ip_allocation WHERE port_id IN (:ids) ORDER BY port_id, seq",
                (rs, ctx) -> new FixedIp(rs.getString(2), rs.getString(3)));
        Map<String, List<String>> groups = Children.of(handle, page,
                "SELECT port_id, security_group_id FROM port_security_group WHERE port_id IN (:ids) ORDER BY port_id, seq",
                (rs, ctx) -> rs.getString(2));
        Map<String, List<String>> tags = Children.tags(handle, page, "port_tag");
        return rows.stream().map(p -> new Port(p.id(), p.projectId(), p.networkId(), p.name(), p.macAddress(),
                p.adminStateUp(), p.status(), p.deviceId(), p.deviceOwner(), ips.getOrDefault(p.id(), List.of()),
                new PortSecurity(p.security().enabled(), groups.getOrDefault(p.id(), List.of()),
                        p.security().allowedAddressPairs()), p.binding(), p.dnsName(),
                p.standard().withTags(tags.getOrDefault(p.id(), List.of())))).toList();
    }

    /** By position, in {@link #COLUMNS}' order: looking columns up by name costs more than the rest on big lists. */
    private static Port map(ResultSet rs) throws SQLException {
        List<AddressPair> pairs = JsonColumns.pairs(rs.getString(12)).stream()
                .map(m -> new AddressPair(m.get("ip_address"), m.get("mac_address"))).toList();
        return new Port(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(6),
                rs.getBoolean(7), ResourceStatus.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), List.of(),
                new PortSecurity(rs.getBoolean(11), List.of(), pairs),
                new PortBinding(rs.getString(13), rs.getString(14), JsonColumns.object(rs.getString(15)), rs.getString(16),
                        JsonColumns.object(rs.getString(17))),
                rs.getString(18), new StandardAttributes(rs.getString(5), List.of(), rs.getLong(19),
                        Instant.ofEpochMilli(rs.getLong(20)), Instant.ofEpochMilli(rs.getLong(21))));
    }

    @Override
    public void insert(Port port) {
        bindAll(handle.createUpdate("""
                INSERT INTO port (id, project_id, network_id, name, description, mac_address, admin_state_up, status,
                    device_id, device_owner, port_security_enabled, allowed_address_pairs, binding_host_id,
                    binding_vnic_type, binding_profile, binding_vif_type, binding_vif_details, dns_name,
                    revision_number, created_at, updated_at)
                VALUES (:id, :projectId, :networkId, :name, :description, :mac, :adminStateUp, :status, :deviceId,
                    :deviceOwner, :secured, :pairs, :hostId, :vnicType, :profile, :vifType, :vifDetails, :dnsName,
                    :revision, :createdAt, :updatedAt)"""), port).execute();
        writeChildren(port);
    }

    @Override
    public void update(Port port) {
        int rows = bindAll(handle.createUpdate("""
                UPDATE port SET project_id = :projectId, network_id = :networkId, name = :name,
                    description = :description, mac_address = :mac, admin_state_up = :adminStateUp, status = :status,
                    device_id = :deviceId, device_owner = :deviceOwner, port_security_enabled = :secured,
                    allowed_address_pairs = :pairs, binding_host_id = :hostId, binding_vnic_type = :vnicType,
                    binding_profile = :profile, binding_vif_type = :vifType, binding_vif_details = :vifDetails,
                    dns_name = :dnsName, revision_number = :revision, created_at = :createdAt, updated_at = :updatedAt
                WHERE id = :id"""), port).execute();
        Rows.requireUpdated(rows, "port", port.id());
        handle.createUpdate("DELETE FROM ip_allocation WHERE port_id = :id").bind("id", port.id()).execute();
        handle.createUpdate("DELETE FROM port_security_group WHERE port_id = :id").bind("id", port.id()).execute();
        writeChildren(port);
    }

    private void writeChildren(Port port) {
        if (!port.fixedIps().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO ip_allocation (subnet_id, ip_key, ip_address, port_id, seq)
                    VALUES (:subnetId, :key, :ip, :portId, :seq)""");
            for (int i = 0; i < port.fixedIps().size(); i++) {
                FixedIp ip = port.fixedIps().get(i);
                batch.bind("subnetId", ip.subnetId()).bind("key", IpAddress.parse(ip.ipAddress()).key())
                        .bind("ip", ip.ipAddress()).bind("portId", port.id()).bind("seq", i).add();
            }
            batch.execute();
        }
        List<String> groups = port.security().securityGroupIds();
        if (!groups.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(
                    "INSERT INTO port_security_group (port_id, seq, security_group_id) VALUES (:portId, :seq, :group)");
            for (int i = 0; i < groups.size(); i++) {
                batch.bind("portId", port.id()).bind("seq", i).bind("group", groups.get(i)).add();
            }
            batch.execute();
        }
        Children.replaceTags(handle, "port_tag", port.id(), port.standard().tags());
    }

    private static Update bindAll(Update update, Port p) {
        return update.bind("id", p.id()).bind("projectId", p.projectId()).bind("networkId", p.networkId())
                .bind("name", p.name()).bind("description", p.standard().description()).bind("mac", p.macAddress())
                .bind("adminStateUp", p.adminStateUp()).bind("status", p.status().name()).bind("deviceId", p.deviceId())
                .bind("deviceOwner", p.deviceOwner()).bind("secured", p.security().enabled())
                .bind("pairs", JsonColumns.write(p.security().allowedAddressPairs().stream()
                        .map(a -> Map.of("ip_address", a.ipAddress(), "mac_address", a.macAddress())).toList()))
                .bind("hostId", p.binding().hostId()).bind("vnicType", p.binding().vnicType())
                .bind("profile", JsonColumns.write(new TreeMap<>(p.binding().profile()))).bind("vifType", p.binding().vifType())
                .bind("vifDetails", JsonColumns.write(new TreeMap<>(p.binding().vifDetails()))).bind("dnsName", p.dnsName())
                .bind("revision", p.standard().revisionNumber()).bind("createdAt", p.standard().createdAt().toEpochMilli())
                .bind("updatedAt", p.standard().updatedAt().toEpochMilli());
    }

    @Override
    public boolean updateState(String id, ResourceStatus status, String vifType, Map<String, Object> vifDetails,
                               Instant now) {
        String details = JsonColumns.write(new TreeMap<>(vifDetails));
        return handle.createUpdate("""
                        UPDATE port SET status = :status, binding_vif_type = :vifType, binding_vif_details = :details,
                            revision_number = revision_number + 1, updated_at = :now
                        WHERE id = :id AND (status <> :status OR binding_vif_type <> :vifType
                            OR binding_vif_details <> :details)""")
                .bind("id", id).bind("status", status.name()).bind("vifType", vifType).bind("details", details)
                .bind("now", now.toEpochMilli()).execute() == 1;
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM port WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public long countOwnedBy(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM port WHERE project_id = :p").bind("p", projectId)
                .mapTo(Long.class).one();
    }

    @Override
    public boolean macInUse(String networkId, String macAddress) {
        return handle.createQuery("SELECT COUNT(*) FROM port WHERE network_id = :n AND mac_address = :mac")
                .bind("n", networkId).bind("mac", macAddress).mapTo(Long.class).one() > 0;
    }

    @Override
    public List<String> ids() {
        return handle.createQuery("SELECT id FROM port ORDER BY id").mapTo(String.class).list();
    }
}
