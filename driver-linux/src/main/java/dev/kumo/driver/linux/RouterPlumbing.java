package dev.kumo.driver.linux;

import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.NetworkDriverException;
import dev.kumo.spi.network.Route;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One router on the host: namespace {@code qrouter-<id>} with forwarding on, a veth per leg ({@code qr-}/
 * {@code qg-} inside, {@code tap<port>} on the network's bridge), the floating IPs as /32 addresses on the
 * gateway leg (so the router answers ARP for them), the default and static routes, the NAT table and the
 * metadata proxy. Legs, addresses and routes that are no longer wanted are removed.
 */
final class RouterPlumbing {
    private final DeviceLinks links;
    private final MetadataProxies proxies;
    private final Path metadataSocket;

    RouterPlumbing(DeviceLinks links, MetadataProxies proxies, Path metadataSocket) {
        this.links = links;
        this.proxies = proxies;
        this.metadataSocket = metadataSocket;
    }

    void ensure(RouterSpec router, List<FloatingIpSpec> floatingIps, Function<String, NetworkPlacement> placement) {
        String ns = DeviceNames.routerNamespace(router.routerId());
        if (links.ensureNamespace(ns)) {
            proxies.stop(router.routerId()); // an orphan in a namespace deleted by hand
        }
        links.host().run(DeviceLinks.inNamespace(ns, List.of("sysctl", "-q", "-w", "net.ipv4.ip_forward=1")))
                .orThrow("enable forwarding in " + ns);
        Set<String> wanted = new HashSet<>();
        for (RouterLeg leg : router.interfaces()) {
            String qr = DeviceNames.routerInterface(leg.portId());
            plugLeg(ns, leg, qr, placement.apply(leg.networkId()), ipv4(leg.addresses()));
            wanted.add(qr);
        }
        Set<String> newFloatingIps = Set.of();
        if (router.gateway() != null) {
            newFloatingIps = plugGateway(router, floatingIps, placement, ns);
            wanted.add(DeviceNames.routerGateway(router.gateway().portId()));
        }
        removeStaleLegs(ns, wanted);
        ensureRoutes(ns, router, placement);
        links.host().run(DeviceLinks.inNamespace(ns, List.of("nft", "-f", "-")),
                new RouterRuleset(router, floatingIps).text()).orThrow("apply the NAT rules of router " + router.routerId());
        if (router.interfaces().isEmpty()) {
            proxies.remove(router.routerId());
        } else {
            proxies.ensure(ns, router.routerId(), "0.0.0.0", RouterRuleset.METADATA_PORT,
                    MetadataProxyConfig.ROUTER_HEADER, metadataSocket);
        }
        announce(ns, router, newFloatingIps);
    }

    /**
     * Only what floating IPs change: the gateway leg's addresses, the NAT table and the announcements. The
     * whole router is re-ensured instead when its namespace or gateway leg is missing.
     */
    void ensureFloatingIps(RouterSpec router, List<FloatingIpSpec> floatingIps, Function<String, NetworkPlacement> placement) {
        String ns = DeviceNames.routerNamespace(router.routerId());
        if (router.gateway() == null || !links.namespaceExists(ns)
                || !links.linkExists(ns, DeviceNames.routerGateway(router.gateway().portId()))) {
            ensure(router, floatingIps, placement);
            return;
        }
        String qg = DeviceNames.routerGateway(router.gateway().portId());
        Set<String> addresses = ipv4(router.gateway().addresses());
        Set<String> fips = new LinkedHashSet<>();
        floatingIps.forEach(f -> fips.add(f.floatingIpAddress() + "/32"));
        addresses.addAll(fips);
        Set<String> before = links.addresses(ns, qg);
        links.ensureAddresses(ns, qg, addresses);
        links.host().run(DeviceLinks.inNamespace(ns, List.of("nft", "-f", "-")),
                new RouterRuleset(router, floatingIps).text()).orThrow("apply the NAT rules of router " + router.routerId());
        fips.removeAll(before);
        announce(ns, router, fips);
    }

    void remove(String routerId) {
        String ns = DeviceNames.routerNamespace(routerId);
        new CleanupSteps().step(() -> proxies.remove(routerId))
                .step(() -> unplugLegs(ns))
                .step(() -> links.deleteNamespace(ns))
                .finish("remove router " + routerId);
    }

    /**
     * The kernel tears a deleted namespace down later, in the background (and not at all while a process still
     * holds it), so the legs are deleted first: once the router is removed, its addresses no longer answer.
     */
    private void unplugLegs(String ns) {
        if (!links.namespaceExists(ns)) {
            return;
        }
        for (String link : links.links(ns)) {
            if (link.startsWith("qr-") || link.startsWith("qg-")) {
                links.deleteLink(ns, link);
            }
        }
    }

    private void plugLeg(String ns, RouterLeg leg, String inside, NetworkPlacement network, Set<String> addresses) {
        links.ensureVeth(ns, inside, leg.macAddress(), DeviceNames.tap(leg.portId()), network.bridge(), network.mtu());
        links.ensureAddresses(ns, inside, addresses);
    }

    /** Plugs the gateway leg with its addresses and the floating IPs; returns the floating IPs newly added. */
    private Set<String> plugGateway(RouterSpec router, List<FloatingIpSpec> floatingIps,
                                    Function<String, NetworkPlacement> placement, String ns) {
        RouterLeg gateway = router.gateway();
        String qg = DeviceNames.routerGateway(gateway.portId());
        Set<String> addresses = ipv4(gateway.addresses());
        Set<String> fips = new LinkedHashSet<>();
        floatingIps.forEach(f -> fips.add(f.floatingIpAddress() + "/32"));
        addresses.addAll(fips);
        Set<String> before = links.linkExists(ns, qg) ? links.addresses(ns, qg) : Set.of();
        plugLeg(ns, gateway, qg, placement.apply(gateway.networkId()), addresses);
        fips.removeAll(before);
        return fips;
    }

    private void removeStaleLegs(String ns, Set<String> wanted) {
        for (String link : links.links(ns)) {
            if ((link.startsWith("qr-") || link.startsWith("qg-")) && !wanted.contains(link)) {
                links.deleteLink(ns, link);
            }
        }
    }

    /** The default route via the external subnet's gateway (onlink) and the router's static routes. */
    private void ensureRoutes(String ns, RouterSpec router, Function<String, NetworkPlacement> placement) {
        Set<String> wanted = new LinkedHashSet<>();
        String gatewayAddress = RouterRuleset.gatewayAddress(router);
        if (gatewayAddress != null) {
            String nexthop = placement.apply(router.gateway().networkId()).gatewayFor(gatewayAddress);
            if (nexthop != null) {
                String qg = DeviceNames.routerGateway(router.gateway().portId());
                run(ns, "route", "replace", "default", "via", nexthop, "dev", qg, "onlink", "proto", "static");
                wanted.add("default via " + nexthop);
            }
        }
        for (Route route : router.routes()) {
            if (Ipv4Cidr.isIpv4(route.destination())) {
                String destination = Ipv4Cidr.parse(route.destination()).toString();
                run(ns, "route", "replace", destination, "via", route.nexthop(), "proto", "static");
                wanted.add(destination + " via " + route.nexthop());
            }
        }
        String listed = links.host().run(DeviceLinks.ip(ns, "-4", "route", "show", "proto", "static")).output();
        for (String line : listed.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[1].equals("via") && !wanted.contains(words[0] + " via " + words[2])) {
                links.host().run(DeviceLinks.ip(ns, "route", "del", words[0], "via", words[2]));
            }
        }
    }

    /** Gratuitous ARP for floating IPs just added, so that neighbours forget an older owner. */
    private void announce(String ns, RouterSpec router, Set<String> floatingIps) {
        for (String cidr : floatingIps) {
            String address = cidr.split("/")[0];
            // best effort: a missed announcement only delays the switch until the neighbours' ARP entries expire
            links.host().run(DeviceLinks.inNamespace(ns, List.of("busybox", "arping", "-U", "-c", "1", "-I",
                    DeviceNames.routerGateway(router.gateway().portId()), "-s", address, address)));
        }
    }

    private void run(String ns, String... args) {
        links.host().run(DeviceLinks.ip(ns, args)).orThrow("set routes in " + ns + " (" + String.join(" ", args) + ")");
    }

    private static Set<String> ipv4(List<String> cidrs) {
        Set<String> result = new LinkedHashSet<>();
        for (String cidr : cidrs) {
            if (Ipv4Cidr.isIpv4(cidr)) {
                result.add(cidr.contains("/") ? cidr : cidr + "/32");
            }
        }
        return result;
    }

    static NetworkDriverException unplumbed(String networkId) {
        return new NetworkDriverException("Failed to plumb router leg: network " + networkId
                + " is not plumbed on this host");
    }
}
