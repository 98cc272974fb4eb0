package dev.kumo.store.network;

import dev.kumo.core.network.store.PortForwardingRepository;
import dev.kumo.model.network.PortForwarding;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Port forwardings in {@code port_forwarding}. */
final class SqlPortForwardingRepository implements PortForwardingRepository {
    private final Handle handle;

    SqlPortForwardingRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<PortForwarding> ofFloatingIp(String floatingIpId) {
        return handle.createQuery("""
                        SELECT id, floatingip_id, internal_port_id, internal_ip_address, internal_port, external_port,
                            protocol, description
                        FROM port_forwarding WHERE floatingip_id = :fip ORDER BY external_port, protocol""")
                .bind("fip", floatingIpId)
                .map((rs, ctx) -> new PortForwarding(rs.getString("id"), rs.getString("floatingip_id"),
                        rs.getString("internal_port_id"), rs.getString("internal_ip_address"), rs.getInt("internal_port"),
                        rs.getInt("external_port"), rs.getString("protocol"), rs.getString("description")))
                .list();
    }

    @Override
    public void insert(PortForwarding forwarding) {
        bindAll(handle.createUpdate("""
                INSERT INTO port_forwarding (id, floatingip_id, internal_port_id, internal_ip_address, internal_port,
                    external_port, protocol, description)
                VALUES (:id, :fip, :port, :ip, :internalPort, :externalPort, :protocol, :description)"""), forwarding)
                .execute();
    }

    @Override
    public void update(PortForwarding forwarding) {
        int rows = bindAll(handle.createUpdate("""
                UPDATE port_forwarding SET floatingip_id = :fip, internal_port_id = :port, internal_ip_address = :ip,
                    internal_port = :internalPort, external_port = :externalPort, protocol = :protocol,
                    description = :description
                WHERE id = :id"""), forwarding).execute();
        Rows.requireUpdated(rows, "port_forwarding", forwarding.id());
    }

    private static Update bindAll(Update update, PortForwarding f) {
        return update.bind("id", f.id()).bind("fip", f.floatingIpId()).bind("port", f.internalPortId())
                .bind("ip", f.internalIpAddress()).bind("internalPort", f.internalPort())
                .bind("externalPort", f.externalPort()).bind("protocol", f.protocol())
                .bind("description", f.description());
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM port_forwarding WHERE id = :id").bind("id", id).execute();
    }
}
