package dev.kumo.core.network.securitygroup;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkTx;
import java.time.Instant;
import java.util.List;

/**
 * The groups a port is in, as Neutron decides them: the project's default group when none are asked for (on
 * a port with port security that is not one of the network service's own), otherwise the groups asked for,
 * each of which must be a group of the port's project.
 */
public final class PortSecurityGroups {
    private PortSecurityGroups() {}

    public static List<String> forNewPort(NetworkTx tx, String projectId, List<String> requested, boolean given,
                                          boolean secured, String deviceOwner, Instant now) {
        if (!given) {
            return secured && !deviceOwner.startsWith("network:")
                    ? List.of(DefaultSecurityGroups.ensure(tx, projectId, now).id()) : List.of();
        }
        return existing(tx, projectId, requested);
    }

    /** @throws dev.kumo.model.error.CloudException 404 SecurityGroupNotFound for a group the project does not have */
    public static List<String> existing(NetworkTx tx, String projectId, List<String> ids) {
        for (String id : ids) {
            if (tx.securityGroups().find(id, Viewer.project(projectId)).isEmpty()) {
                throw NeutronErrors.securityGroupNotFound(id);
            }
        }
        return ids;
    }
}
