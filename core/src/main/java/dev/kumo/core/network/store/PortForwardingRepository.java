package dev.kumo.core.network.store;

import dev.kumo.model.network.PortForwarding;
import java.util.List;

/**
 * The port forwardings of floating IPs. They go with their floating IP and with their internal port (the
 * keys cascade, as Neutron's callbacks delete them). A floating IP has few, so they are read whole.
 */
public interface PortForwardingRepository {
    /** The floating IP's port forwardings, by external port then protocol. */
    List<PortForwarding> ofFloatingIp(String floatingIpId);

    void insert(PortForwarding forwarding);

    void update(PortForwarding forwarding);

    void delete(String id);
}
