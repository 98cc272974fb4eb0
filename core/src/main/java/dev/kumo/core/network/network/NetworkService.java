package dev.kumo.core.network.network;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.datapath.DataPathSync;
import dev.kumo.core.network.floatingip.FloatingIpCleanup;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.quota.QuotaResource;
import dev.kumo.core.network.quota.QuotaService;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.tag.Tags;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Segment;
import dev.kumo.model.network.StandardAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Neutron's network API: policy first, then one write transaction, then the data path. */
public final class NetworkService {
    private static final int MIN_MTU = 68;

    private final NetworkStore store;
    private final NetworkSettings settings;
    private final QuotaService quotas;
    private final DataPathSync dataPath;
    private final SegmentPlanner segments;
    private final Clock clock;

    public NetworkService(NetworkStore store, NetworkSettings settings, QuotaService quotas, DataPathSync dataPath,
                          Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.dataPath = Objects.requireNonNull(dataPath, "dataPath");
        this.segments = new SegmentPlanner(settings, dataPath.driver().capabilities());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Network get(NetworkCaller caller, String id) {
        return store.read(tx -> find(tx, caller, id));
    }

    public List<Network> list(NetworkCaller caller, ListQuery<NetworkAttribute> query) {
        return store.read(tx -> tx.networks().list(query, caller.viewer()));
    }

    public Network create(NetworkCaller caller, NetworkRequest in) {
        return createAll(caller, List.of(in)).getFirst();
    }

    /** Creates every network or none (Neutron's bulk create is one transaction). */
    public List<Network> createAll(NetworkCaller caller, List<NetworkRequest> requests) {
        requests.forEach(in -> checkCreatePolicy(caller, in));
        List<String> ids = store.write(tx -> {
            List<String> created = new ArrayList<>();
            for (NetworkRequest in : requests) {
                created.add(insert(tx, caller, in).id());
            }
            return created;
        });
        ids.forEach(dataPath::syncNetwork);
        return store.read(tx -> ids.stream().map(id -> tx.networks().find(id, Viewer.ALL).orElseThrow()).toList());
    }

    public Network update(NetworkCaller caller, String id, NetworkRequest in) {
        if (in.providerGiven()) {
            throw NeutronErrors.invalidInput("Plugin does not support updating provider attributes");
        }
        if (in.shared() != null) {
            NetworkPolicy.requireAdmin(caller, "update_network:shared");
        }
        if (in.external() != null) {
            NetworkPolicy.requireAdmin(caller, "update_network:router:external");
        }
        Network old = store.write(tx -> {
            Network current = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, current.projectId(), "update_network");
            tx.networks().update(applyUpdate(tx, current, in));
            return current;
        });
        dataPath.syncNetwork(id);
        if (in.adminStateUp() != null && in.adminStateUp() != old.adminStateUp()) {
            // a port passes traffic only while its network does: their status changes with it
            dataPath.syncPorts(store.read(tx -> tx.ports().ofNetwork(id)));
        }
        return store.read(tx -> tx.networks().find(id, Viewer.ALL).orElseThrow(() -> NeutronErrors.networkNotFound(id)));
    }

    /**
     * Deletes the network with its subnets and DHCP ports; any other port keeps it alive (409).
     */
    public void delete(NetworkCaller caller, String id) {
        List<Port> removed = store.write(tx -> {
            Network network = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, network.projectId(), "delete_network");
            FloatingIpCleanup.disassociatedOn(tx, id);
            List<Port> ports = tx.ports().ofNetwork(id);
            List<String> inUse = ports.stream()
                    .filter(p -> !NetworkPolicy.AUTO_DELETED_OWNERS.contains(p.deviceOwner())).map(Port::id).toList();
            if (!inUse.isEmpty()) {
                throw NeutronErrors.conflict("NetworkInUse", "Unable to complete operation on network %s. There are "
                        + "one or more ports still in use on the network, id for these ports is: %s.", id,
                        String.join(",", inUse));
            }
            ports.forEach(p -> tx.ports().delete(p.id()));
            tx.subnets().ofNetwork(id).forEach(s -> tx.subnets().delete(s.id()));
            tx.networks().delete(id);
            return ports;
        });
        dataPath.syncPorts(removed);
        dataPath.syncNetwork(id);
    }

    private static Network find(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.networks().find(id, caller.viewer()).orElseThrow(() -> NeutronErrors.networkNotFound(id));
    }

    private static void checkCreatePolicy(NetworkCaller caller, NetworkRequest in) {
        if (Boolean.TRUE.equals(in.shared())) {
            NetworkPolicy.requireAdmin(caller, "create_network:shared");
        }
        if (Boolean.TRUE.equals(in.external())) {
            NetworkPolicy.requireAdmin(caller, "create_network:router:external");
        }
        if (in.providerGiven()) {
            NetworkPolicy.requireAdmin(caller, "create_network:provider:network_type");
        }
    }

    private Network insert(NetworkTx tx, NetworkCaller caller, NetworkRequest in) {
        String project = NetworkPolicy.owningProject(caller, in.projectId());
        quotas.require(tx, project, QuotaResource.NETWORK, 1);
        Segment segment = segments.plan(tx.networks(), in);
        int mtu = mtu(segment, in.mtu());
        var network = new Network(UUID.randomUUID().toString(), project, orEmpty(TextRules.limited("name", in.name())),
                in.adminStateUp() == null || in.adminStateUp(), Boolean.TRUE.equals(in.shared()),
                Boolean.TRUE.equals(in.external()), segment, mtu,
                in.portSecurityEnabled() == null || in.portSecurityEnabled(), ResourceStatus.BUILD,
                zones(in.availabilityZoneHints()), orEmpty(in.dnsDomain()), List.of(),
                StandardAttributes.created(TextRules.limited("description", in.description()), Tags.valid(in.tags()),
                        clock.instant()));
        tx.networks().insert(network);
        return network;
    }

    private Network applyUpdate(NetworkTx tx, Network old, NetworkRequest in) {
        boolean shared = in.shared() == null ? old.shared() : in.shared();
        if (old.shared() && !shared && tx.networks().hasPortsOfOtherProjects(old.id(), old.projectId())) {
            throw NeutronErrors.conflict("InvalidSharedSetting", "Unable to reconfigure sharing settings for network %s. "
                    + "Multiple tenants are using it.", old.id());
        }
        StandardAttributes standard = old.standard().revised(clock.instant());
        if (in.description() != null) {
            standard = standard.withDescription(TextRules.limited("description", in.description()));
        }
        return new Network(old.id(), old.projectId(), in.name() == null ? old.name() : TextRules.limited("name", in.name()),
                in.adminStateUp() == null ? old.adminStateUp() : in.adminStateUp(), shared,
                in.external() == null ? old.external() : in.external(), old.segment(),
                in.mtu() == null ? old.mtu() : mtu(old.segment(), in.mtu()),
                in.portSecurityEnabled() == null ? old.portSecurityEnabled() : in.portSecurityEnabled(), old.status(),
                old.availabilityZoneHints(), in.dnsDomain() == null ? old.dnsDomain() : in.dnsDomain(),
                old.subnetIds(), standard);
    }

    private int mtu(Segment segment, Integer requested) {
        int max = segments.maxMtu(segment);
        if (requested == null) {
            return max;
        }
        if (requested < MIN_MTU) {
            throw NeutronErrors.invalidAttribute("mtu", "'" + requested + "' is too small - must be at least '" + MIN_MTU + "'");
        }
        if (requested > max) {
            throw NeutronErrors.invalidInput("Requested MTU is too big, maximum is %d", max);
        }
        return requested;
    }

    private List<String> zones(List<String> hints) {
        if (hints == null) {
            return List.of();
        }
        for (String zone : hints) {
            if (!zone.equals(settings.availabilityZone())) {
                throw NeutronErrors.notFound("AvailabilityZoneNotFound", "AvailabilityZone %s could not be found.", zone);
            }
        }
        return List.copyOf(new LinkedHashSet<>(hints));
    }

    /** The availability zones the network is actually served in: this cloud's one zone. */
    public List<String> availabilityZones(Network network) {
        return List.of(settings.availabilityZone());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
