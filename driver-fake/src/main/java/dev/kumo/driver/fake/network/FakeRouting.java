package dev.kumo.driver.fake.network;

import dev.kumo.spi.network.DataPathStatus;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.NetworkDriverException;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake driver's routers and floating IPs: what the Linux driver's {@code qrouter-} namespaces and NAT
 * rules would hold. A router needs the networks of its legs plumbed; a floating IP needs its router plumbed
 * with a gateway on the floating IP's network. Deleting a router drops the floating IPs it carried.
 */
final class FakeRouting {
    private final Map<String, RouterSpec> routers = new ConcurrentHashMap<>();
    private final Map<String, FloatingIpSpec> floatingIps = new ConcurrentHashMap<>();

    /** @return whether the spec differed from what was plumbed */
    boolean ensureRouter(RouterSpec router, Map<String, NetworkSpec> networks) {
        List<RouterLeg> legs = new ArrayList<>(router.interfaces());
        if (router.gateway() != null) {
            legs.add(router.gateway());
        }
        for (RouterLeg leg : legs) {
            if (!networks.containsKey(leg.networkId())) {
                throw new NetworkDriverException("Failed to plumb router " + router.routerId() + ": network "
                        + leg.networkId() + " of its port " + leg.portId() + " is not plumbed on this host");
            }
        }
        return !router.equals(routers.put(router.routerId(), router));
    }

    static DataPathStatus statusOf(RouterSpec router) {
        return router.adminStateUp() ? DataPathStatus.ACTIVE : DataPathStatus.DOWN;
    }

    /** @return whether there was a router */
    boolean deleteRouter(String routerId) {
        floatingIps.values().removeIf(f -> f.routerId().equals(routerId));
        return routers.remove(routerId) != null;
    }

    /** @return whether the spec differed from what was set up */
    boolean ensureFloatingIp(FloatingIpSpec fip) {
        RouterSpec router = routers.get(fip.routerId());
        if (router == null || router.gateway() == null || !router.gateway().networkId().equals(fip.externalNetworkId())) {
            throw new NetworkDriverException("Failed to set up floating IP " + fip.floatingIpAddress() + ": router "
                    + fip.routerId() + " has no gateway on network " + fip.externalNetworkId() + " on this host");
        }
        return !fip.equals(floatingIps.put(fip.floatingIpId(), fip));
    }

    boolean deleteFloatingIp(String floatingIpId) {
        return floatingIps.remove(floatingIpId) != null;
    }

    Optional<RouterSpec> router(String routerId) {
        return Optional.ofNullable(routers.get(routerId));
    }

    Optional<FloatingIpSpec> floatingIp(String floatingIpId) {
        return Optional.ofNullable(floatingIps.get(floatingIpId));
    }

    Set<String> routerIds() {
        return Set.copyOf(routers.keySet());
    }

    Set<String> floatingIpIds() {
        return Set.copyOf(floatingIps.keySet());
    }
}
