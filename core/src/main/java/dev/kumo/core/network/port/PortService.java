package dev.kumo.core.network.port;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.datapath.DataPathSync;
import dev.kumo.core.network.ip.MacAddress;
import dev.kumo.core.network.ipam.Ipam;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.quota.QuotaResource;
import dev.kumo.core.network.quota.QuotaService;
import dev.kumo.core.network.securitygroup.PortSecurityGroups;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.tag.Tags;
import dev.kumo.model.network.AddressPair;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortBinding;
import dev.kumo.model.network.PortSecurity;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.StandardAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Neutron's port API. A port's status is DOWN until the driver reports it plugged (ACTIVE once bound to a
 * host); the response of every change carries the status the driver reported after commit.
 */
public final class PortService {
    private static final int MAC_ATTEMPTS = 16;

    private final NetworkStore store;
    private final NetworkSettings settings;
    private final QuotaService quotas;
    private final DataPathSync dataPath;
    private final Clock clock;

    public PortService(NetworkStore store, NetworkSettings settings, QuotaService quotas, DataPathSync dataPath,
                       Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.dataPath = Objects.requireNonNull(dataPath, "dataPath");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Port get(NetworkCaller caller, String id) {
        return store.read(tx -> find(tx, caller, id));
    }

    public List<Port> list(NetworkCaller caller, ListQuery<PortAttribute> query) {
        return store.read(tx -> tx.ports().list(query, caller.viewer()));
    }

    public Port create(NetworkCaller caller, PortRequest in) {
        return createAll(caller, List.of(in)).getFirst();
    }

    /** Creates every port or none. */
    public List<Port> createAll(NetworkCaller caller, List<PortRequest> requests) {
        requests.forEach(in -> {
            if (in.hostId() != null) {
                NetworkPolicy.requireAdmin(caller, "create_port:binding:host_id");
            }
            if (in.profile() != null) {
                NetworkPolicy.requireAdmin(caller, "create_port:binding:profile");
            }
        });
        List<Port> created = store.write(tx -> {
            List<Port> out = new ArrayList<>();
            for (PortRequest in : requests) {
                out.add(insert(tx, caller, in));
            }
            return out;
        });
        dataPath.syncPorts(created);
        return store.read(tx -> created.stream().map(p -> tx.ports().find(p.id(), Viewer.ALL).orElseThrow()).toList());
    }

    public Port update(NetworkCaller caller, String id, PortRequest in) {
        if (in.hostId() != null) {
            NetworkPolicy.requireAdmin(caller, "update_port:binding:host_id");
        }
        if (in.profile() != null) {
            NetworkPolicy.requireAdmin(caller, "update_port:binding:profile");
        }
        if (in.macAddress() != null) {
            NetworkPolicy.requireAdmin(caller, "update_port:mac_address");
        }
        Port updated = store.write(tx -> {
            Port old = find(tx, caller, id);
            Network network = tx.networks().find(old.networkId(), Viewer.ALL).orElseThrow();
            PortChecks.updatePolicy(caller, old, network, in);
            Port changed = applyUpdate(tx, old, in);
            tx.ports().update(changed);
            return changed;
        });
        dataPath.syncPort(id, updated.networkId());
        return get(caller, id);
    }

    public void delete(NetworkCaller caller, String id) {
        Port removed = store.write(tx -> {
            Port port = find(tx, caller, id);
            Network network = tx.networks().find(port.networkId(), Viewer.ALL).orElseThrow();
            if (!caller.owns(port.projectId()) && !caller.owns(network.projectId())) {
                throw NeutronErrors.policy("delete_port");
            }
            if (NetworkPolicy.ROUTER_OWNERS.contains(port.deviceOwner())) {
                throw NeutronErrors.conflict("ServicePortInUse", "Port %s cannot be deleted directly via the port "
                        + "API: has device owner %s.", id, port.deviceOwner());
            }
            tx.ports().delete(id);
            return port;
        });
        dataPath.syncPort(id, removed.networkId());
    }

    private static Port find(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.ports().find(id, caller.viewer()).orElseThrow(() -> NeutronErrors.portNotFound(id));
    }

    private Port insert(NetworkTx tx, NetworkCaller caller, PortRequest in) {
        if (in.networkId() == null) {
            throw NeutronErrors.badRequest("Failed to parse request. Required attribute 'network_id' not specified");
        }
        Network network = tx.networks().find(in.networkId(), caller.viewer())
                .orElseThrow(() -> NeutronErrors.networkNotFound(in.networkId()));
        PortChecks.createPolicy(caller, network, in);
        String project = NetworkPolicy.owningProject(caller, in.projectId());
        boolean secured = in.portSecurityEnabled() == null ? network.portSecurityEnabled() : in.portSecurityEnabled();
        List<String> groups = PortRules.securityGroups(in.securityGroups());
        PortChecks.securityGroupsNeedPortSecurity(secured, groups);
        groups = PortSecurityGroups.forNewPort(tx, project, groups, in.securityGroups() != null, secured,
                orEmpty(in.deviceOwner()), clock.instant());
        String id = UUID.randomUUID().toString();
        String mac = in.macAddress() != null ? requireFreeMac(tx, network.id(), PortRules.mac(in.macAddress()))
                : freshMac(tx, network.id());
        List<AddressPair> pairs = PortRules.addressPairs(orEmpty(in.allowedAddressPairs()), mac,
                settings.maxAllowedAddressPairs());
        PortChecks.pairsNeedPortSecurity(secured, pairs);
        quotas.require(tx, project, QuotaResource.PORT, 1);
        String owner = orEmpty(in.deviceOwner());
        var ipam = new Ipam(tx.allocations());
        var subnets = tx.subnets().ofNetwork(network.id());
        List<FixedIp> ips = in.fixedIps() == null ? ipam.automatic(network.id(), subnets, mac, owner)
                : ipam.requested(network.id(), subnets, in.fixedIps(), List.of(), mac, owner, id);
        var port = new Port(id, project, network.id(), orEmpty(TextRules.limited("name", in.name())), mac,
                in.adminStateUp() == null || in.adminStateUp(), ResourceStatus.DOWN, orEmpty(in.deviceId()), owner, ips,
                new PortSecurity(secured, groups, pairs),
                new PortBinding(orEmpty(in.hostId()), PortRules.vnicType(in.vnicType()),
                        in.profile() == null ? Map.of() : in.profile(), PortBinding.UNBOUND, Map.of()),
                PortRules.dnsName(in.dnsName()), StandardAttributes.created(
                        TextRules.limited("description", in.description()), Tags.valid(in.tags()), clock.instant()));
        tx.ports().insert(port);
        return port;
    }

    private Port applyUpdate(NetworkTx tx, Port old, PortRequest in) {
        String mac = old.macAddress();
        if (in.macAddress() != null && !PortRules.mac(in.macAddress()).equals(mac)) {
            PortChecks.macChangeAllowed(old, PortRules.mac(in.macAddress()));
            mac = requireFreeMac(tx, old.networkId(), PortRules.mac(in.macAddress()));
        }
        boolean secured = in.portSecurityEnabled() == null ? old.security().enabled() : in.portSecurityEnabled();
        List<String> groups = in.securityGroups() == null ? old.security().securityGroupIds()
                : PortRules.securityGroups(in.securityGroups());
        List<AddressPair> pairs = in.allowedAddressPairs() == null ? old.security().allowedAddressPairs()
                : PortRules.addressPairs(in.allowedAddressPairs(), mac, settings.maxAllowedAddressPairs());
        PortChecks.securityChange(secured, in.securityGroups() == null, groups, pairs);
        if (in.securityGroups() != null) {
            PortSecurityGroups.existing(tx, old.projectId(), groups);
        }
        String owner = in.deviceOwner() == null ? old.deviceOwner() : in.deviceOwner();
        List<FixedIp> ips = in.fixedIps() == null ? old.fixedIps() : new Ipam(tx.allocations()).requested(
                old.networkId(), tx.subnets().ofNetwork(old.networkId()), in.fixedIps(), old.fixedIps(), mac, owner, old.id());
        StandardAttributes standard = old.standard().revised(clock.instant());
        if (in.description() != null) {
            standard = standard.withDescription(TextRules.limited("description", in.description()));
        }
        PortBinding binding = new PortBinding(in.hostId() == null ? old.binding().hostId() : in.hostId(),
                in.vnicType() == null ? old.binding().vnicType() : PortRules.vnicType(in.vnicType()),
                in.profile() == null ? old.binding().profile() : in.profile(), old.binding().vifType(),
                old.binding().vifDetails());
        return new Port(old.id(), old.projectId(), old.networkId(),
                in.name() == null ? old.name() : TextRules.limited("name", in.name()), mac,
                in.adminStateUp() == null ? old.adminStateUp() : in.adminStateUp(), old.status(),
                in.deviceId() == null ? old.deviceId() : in.deviceId(), owner, ips,
                new PortSecurity(secured, groups, pairs), binding,
                in.dnsName() == null ? old.dnsName() : PortRules.dnsName(in.dnsName()), standard);
    }

    private static String requireFreeMac(NetworkTx tx, String networkId, String mac) {
        if (tx.ports().macInUse(networkId, mac)) {
            throw NeutronErrors.conflict("MacAddressInUse", "Unable to complete operation for network %s. The mac "
                    + "address %s is in use.", networkId, mac);
        }
        return mac;
    }

    private static String freshMac(NetworkTx tx, String networkId) {
        for (int i = 0; i < MAC_ATTEMPTS; i++) {
            String mac = MacAddress.random();
            if (!tx.ports().macInUse(networkId, mac)) {
                return mac;
            }
        }
        throw NeutronErrors.typed(503, "NetworkMacAddressGenerationFailure",
                "Unable to generate unique mac on network %s.", networkId);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
