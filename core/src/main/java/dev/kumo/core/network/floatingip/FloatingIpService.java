package dev.kumo.core.network.floatingip;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.datapath.L3DataPathSync;
import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.port.ServicePorts;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.quota.QuotaResource;
import dev.kumo.core.network.quota.QuotaService;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.tag.Tags;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.model.network.Subnet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Neutron's floating IP API. The address is held by a port of the external network ({@code network:floatingip});
 * a floating IP is DOWN until associated, ACTIVE once the data path carries its NAT.
 */
public final class FloatingIpService {
    static final String OWNER = "network:floatingip";

    private final NetworkStore store;
    private final QuotaService quotas;
    private final L3DataPathSync dataPath;
    private final Clock clock;

    public FloatingIpService(NetworkStore store, QuotaService quotas, L3DataPathSync dataPath, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.dataPath = Objects.requireNonNull(dataPath, "dataPath");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public FloatingIp get(NetworkCaller caller, String id) {
        return store.read(tx -> find(tx, caller, id));
    }

    public List<FloatingIp> list(NetworkCaller caller, ListQuery<FloatingIpAttribute> query) {
        return store.read(tx -> tx.floatingIps().list(query, caller.viewer()));
    }

    public FloatingIp create(NetworkCaller caller, FloatingIpRequest in) {
        if (in.floatingNetworkId() == null) {
            throw NeutronErrors.badRequest("Failed to parse request. Required attribute 'floating_network_id' not "
                    + "specified");
        }
        FloatingIp created = store.write(tx -> {
            String project = NetworkPolicy.owningProject(caller, in.projectId());
            Network network = tx.networks().find(in.floatingNetworkId(), caller.viewer())
                    .orElseThrow(() -> NeutronErrors.networkNotFound(in.floatingNetworkId()));
            if (!network.external()) {
                throw NeutronErrors.badResourceRequest("floatingip", "Network %s is not a valid external network",
                        network.id());
            }
            quotas.require(tx, project, QuotaResource.FLOATINGIP, 1);
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            Port port = addressPort(tx, network.id(), id, in, now);
            var fip = new FloatingIp(id, project, network.id(), port.fixedIps().getFirst().ipAddress(), port.id(), null,
                    null, null, ResourceStatus.DOWN, StandardAttributes.created(
                            TextRules.limited("description", in.description()),
                            Tags.valid(in.tags() == null ? List.of() : in.tags()), now));
            FloatingIp stored = in.portId() == null ? fip : associated(tx, caller, fip, in);
            tx.floatingIps().insert(stored);
            return stored;
        });
        dataPath.syncFloatingIp(created.id());
        return get(caller, created.id());
    }

    public FloatingIp update(NetworkCaller caller, String id, FloatingIpRequest in) {
        store.write(tx -> {
            FloatingIp old = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, old.projectId(), "update_floatingip");
            FloatingIp changed = old;
            if (in.portGiven()) {
                changed = in.portId() == null ? old.associatedWith(null, null, null, ResourceStatus.DOWN)
                        : associated(tx, caller, old, in);
            }
            StandardAttributes standard = changed.standard().revised(clock.instant());
            if (in.description() != null) {
                standard = standard.withDescription(TextRules.limited("description", in.description()));
            }
            tx.floatingIps().update(changed.withStandard(standard));
            return null;
        });
        dataPath.syncFloatingIp(id);
        return get(caller, id);
    }

    public void delete(NetworkCaller caller, String id) {
        store.write(tx -> {
            FloatingIp fip = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, fip.projectId(), "delete_floatingip");
            tx.floatingIps().delete(id);
            tx.ports().delete(fip.floatingPortId());
            return null;
        });
        dataPath.syncFloatingIp(id);
    }

    private static FloatingIp associated(NetworkTx tx, NetworkCaller caller, FloatingIp fip, FloatingIpRequest in) {
        if (!tx.portForwardings().ofFloatingIp(fip.id()).isEmpty()) {
            throw NeutronErrors.conflict("FipInUseByPortForwarding", "Floating IP %s in use by Port Forwarding "
                    + "resources.", fip.id());
        }
        Port port = tx.ports().find(in.portId(), caller.viewer())
                .orElseThrow(() -> NeutronErrors.portNotFound(in.portId()));
        var target = FloatingIpAssociation.resolve(tx, fip, port, in.fixedIpAddress());
        // ACTIVE until the data path says otherwise: the sync after commit records what the driver reports.
        return fip.associatedWith(target.portId(), target.fixedIpAddress(), target.routerId(), ResourceStatus.ACTIVE);
    }

    /**
     * The port holding the address: the one asked for, or the lowest free one of the first IPv4 subnet that has
     * one (Neutron's floating IPs are IPv4).
     */
    private static Port addressPort(NetworkTx tx, String networkId, String fipId, FloatingIpRequest in, Instant now) {
        if (in.floatingIpAddress() != null || in.subnetId() != null) {
            return ServicePorts.create(tx, "", networkId, fipId, OWNER,
                    List.of(new FixedIpRequest(in.subnetId(), in.floatingIpAddress())), now);
        }
        List<Subnet> v4 = tx.subnets().ofNetwork(networkId).stream().filter(s -> s.ipVersion() == 4).toList();
        if (v4.isEmpty()) {
            throw NeutronErrors.badResourceRequest("floatingip", "Network %s does not contain any IPv4 subnet", networkId);
        }
        CloudException exhausted = null;
        for (Subnet subnet : v4) {
            try {
                return ServicePorts.create(tx, "", networkId, fipId, OWNER,
                        List.of(new FixedIpRequest(subnet.id(), null)), now);
            } catch (CloudException e) {
                exhausted = e;
            }
        }
        throw exhausted;
    }

    private static FloatingIp find(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.floatingIps().find(id, caller.viewer())
                .orElseThrow(() -> NeutronErrors.floatingIpNotFound(id));
    }
}
