package dev.kumo.core.network.floatingip;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.FloatingIp;
import java.util.List;

/**
 * What deleting an external network takes with it, as in Neutron: its floating IPs that are not associated
 * (an associated one keeps the network in use through its port).
 */
public final class FloatingIpCleanup {
    private FloatingIpCleanup() {}

    /** Deletes the network's unassociated floating IPs and the ports holding their addresses. */
    public static void disassociatedOn(NetworkTx tx, String networkId) {
        List<FloatingIp> idle = tx.floatingIps().list(ListQuery.where(FloatingIpAttribute.FLOATING_NETWORK_ID, networkId),
                Viewer.ALL).stream().filter(f -> !f.associated()).toList();
        for (FloatingIp fip : idle) {
            tx.floatingIps().delete(fip.id());
            tx.ports().delete(fip.floatingPortId());
        }
    }
}
