package dev.kumo.core.network.router;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.datapath.DataPathSync;
import dev.kumo.core.network.datapath.L3DataPathSync;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.quota.QuotaResource;
import dev.kumo.core.network.quota.QuotaService;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.tag.Tags;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Router;
import dev.kumo.model.network.RouterGateway;
import dev.kumo.model.network.StandardAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Neutron's router API without the interfaces ({@link RouterInterfaceService}). A router is ACTIVE from the
 * start, as Neutron reports it; the ports it owns are synced to the data path after commit like any port.
 */
public final class RouterService {
    private final NetworkStore store;
    private final QuotaService quotas;
    private final DataPathSync dataPath;
    private final L3DataPathSync l3;
    private final Clock clock;

    public RouterService(NetworkStore store, QuotaService quotas, DataPathSync dataPath, L3DataPathSync l3,
                         Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.dataPath = Objects.requireNonNull(dataPath, "dataPath");
        this.l3 = Objects.requireNonNull(l3, "l3");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Router get(NetworkCaller caller, String id) {
        return store.read(tx -> find(tx, caller, id));
    }

    public List<Router> list(NetworkCaller caller, ListQuery<RouterAttribute> query) {
        return store.read(tx -> tx.routers().list(query, caller.viewer()));
    }

    /** The gateway port of each router, for {@code external_fixed_ips}. */
    public List<Port> gatewayPorts(List<Router> routers) {
        return store.read(tx -> routers.stream().filter(r -> r.gateway() != null)
                .map(r -> tx.ports().find(r.gateway().portId(), Viewer.ALL)).flatMap(Optional::stream)
                .toList());
    }

    public Router create(NetworkCaller caller, RouterRequest in) {
        adminOnlyAttributes(caller, in, "create_router");
        if (in.routes() != null && !in.routes().isEmpty()) {
            throw NeutronErrors.badRequest("Attribute 'routes' not allowed in POST");
        }
        Router created = store.write(tx -> {
            String project = NetworkPolicy.owningProject(caller, in.projectId());
            quotas.require(tx, project, QuotaResource.ROUTER, 1);
            String id = UUID.randomUUID().toString();
            var now = clock.instant();
            RouterGateway gateway = in.gateway() == null ? null
                    : RouterGateways.set(tx, caller, id, null, in.gateway(), now);
            var router = new Router(id, project, orEmpty(TextRules.limited("name", in.name())),
                    in.adminStateUp() == null || in.adminStateUp(), ResourceStatus.ACTIVE, gateway, List.of(),
                    Boolean.TRUE.equals(in.distributed()), Boolean.TRUE.equals(in.ha()),
                    StandardAttributes.created(TextRules.limited("description", in.description()),
                            Tags.valid(in.tags() == null ? List.of() : in.tags()), now));
            tx.routers().insert(router);
            return router;
        });
        syncOwnPorts(created.id(), null);
        return get(caller, created.id());
    }

    public Router update(NetworkCaller caller, String id, RouterRequest in) {
        adminOnlyAttributes(caller, in, "update_router");
        RouterGateway before = store.write(tx -> {
            Router old = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, old.projectId(), "update_router");
            var now = clock.instant();
            RouterGateway gateway = in.gatewayGiven() ? changedGateway(tx, caller, old, in.gateway()) : old.gateway();
            var routes = in.routes() == null ? old.routes() : in.routes();
            if (in.routes() != null) {
                RouterChecks.routesReachable(routes, attachedCidrs(tx, id, ""));
            }
            StandardAttributes standard = old.standard().revised(now);
            if (in.description() != null) {
                standard = standard.withDescription(TextRules.limited("description", in.description()));
            }
            tx.routers().update(new Router(id, old.projectId(),
                    in.name() == null ? old.name() : TextRules.limited("name", in.name()),
                    in.adminStateUp() == null ? old.adminStateUp() : in.adminStateUp(), old.status(), gateway, routes,
                    in.distributed() == null ? old.distributed() : in.distributed(),
                    in.ha() == null ? old.ha() : in.ha(), standard));
            return old.gateway();
        });
        syncOwnPorts(id, before);
        return get(caller, id);
    }

    public void delete(NetworkCaller caller, String id) {
        Router removed = store.write(tx -> {
            Router router = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, router.projectId(), "delete_router");
            if (!RouterPorts.interfaces(tx, id).isEmpty()) {
                throw NeutronErrors.conflict("RouterInUse", "Router %s still has ports", id);
            }
            tx.routers().delete(id);
            if (router.gateway() != null) {
                tx.ports().delete(router.gateway().portId());
            }
            return router;
        });
        l3.syncRouter(id);
        if (removed.gateway() != null) {
            dataPath.syncPort(removed.gateway().portId(), removed.gateway().networkId());
        }
    }

    /**
     * The gateway after {@code in} (null clears it). A replaced gateway's port is deleted first, the row
     * pointing nowhere meanwhile, so that the new port may take the same address.
     */
    private RouterGateway changedGateway(NetworkTx tx, NetworkCaller caller, Router old, GatewayRequest in) {
        RouterGateway current = old.gateway();
        if (RouterGateways.keeps(current, in)) {
            return RouterGateways.set(tx, caller, old.id(), current, in, clock.instant());
        }
        if (current != null) {
            RouterGuards.gatewayRemovable(tx, old);
            tx.routers().update(new Router(old.id(), old.projectId(), old.name(), old.adminStateUp(), old.status(),
                    null, old.routes(), old.distributed(), old.ha(), old.standard()));
            tx.ports().delete(current.portId());
        }
        return in == null ? null : RouterGateways.set(tx, caller, old.id(), null, in, clock.instant());
    }

    /** The CIDRs of the router's subnets, leaving out those of the interface {@code exceptPort}. */
    static List<Cidr> attachedCidrs(NetworkTx tx, String routerId, String exceptPort) {
        List<Cidr> out = new ArrayList<>();
        for (Port port : RouterPorts.interfaces(tx, routerId)) {
            if (port.id().equals(exceptPort)) {
                continue;
            }
            for (FixedIp ip : port.fixedIps()) {
                tx.subnets().find(ip.subnetId(), Viewer.ALL).ifPresent(s -> out.add(Cidr.parse(s.cidr())));
            }
        }
        return out;
    }

    /** The router's ports as ports (their networks plumbed, replaced gateway ports removed), then the router. */
    private void syncOwnPorts(String routerId, RouterGateway before) {
        var ports = store.read(tx -> tx.ports().list(ListQuery.where(PortAttribute.DEVICE_ID, routerId), Viewer.ALL));
        dataPath.syncPorts(ports);
        if (before != null) {
            dataPath.syncPort(before.portId(), before.networkId());
        }
        l3.syncRouter(routerId);
        dataPath.syncPorts(ports); // again: their status follows the router's legs, plumbed just now
    }

    private static void adminOnlyAttributes(NetworkCaller caller, RouterRequest in, String action) {
        if (in.distributed() != null) {
            NetworkPolicy.requireAdmin(caller, action + ":distributed");
        }
        if (in.ha() != null) {
            NetworkPolicy.requireAdmin(caller, action + ":ha");
        }
    }

    static Router find(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.routers().find(id, caller.viewer()).orElseThrow(() -> NeutronErrors.routerNotFound(id));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
