package dev.kumo.server.metadata;

import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.model.network.HostRoute;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * network_data.json as Nova renders it ({@code nova.virt.netutils.get_network_metadata}): one link per port, one
 * network per port and IP version (the first subnet of each), DNS servers as services. A subnet with a DHCP server
 * is described as {@code ipv4_dhcp}; otherwise the address, netmask, default route and host routes are given.
 */
public final class NetworkDataDocument {
    private NetworkDataDocument() {}

    public static byte[] render(InstanceFacts facts) {
        var links = new ArrayList<Map<String, Object>>();
        var networks = new ArrayList<Map<String, Object>>();
        var services = new ArrayList<Map<String, Object>>();
        for (Vif vif : facts.vifs()) {
            if (vif.subnets().isEmpty()) {
                continue;
            }
            links.add(link(vif));
            for (int version : new int[] {4, 6}) {
                vif.subnets().stream().filter(s -> s.ipVersion() == version).findFirst().ifPresent(subnet -> {
                    networks.add(network(vif, subnet, networks.size()));
                    dns(subnet).stream().filter(d -> !services.contains(d)).forEach(services::add);
                });
            }
        }
        var document = new LinkedHashMap<String, Object>();
        document.put("links", links);
        document.put("networks", networks);
        document.put("services", services);
        return OpenStackDocuments.json(document);
    }

    private static Map<String, Object> link(Vif vif) {
        var link = new LinkedHashMap<String, Object>();
        link.put("id", vif.deviceName());
        link.put("vif_id", vif.portId());
        link.put("type", vif.type());
        link.put("mtu", vif.mtu() > 0 ? vif.mtu() : null);
        link.put("ethernet_mac_address", vif.macAddress());
        return link;
    }

    private static Map<String, Object> network(Vif vif, VifSubnet subnet, int index) {
        var net = new LinkedHashMap<String, Object>();
        net.put("id", "network" + index);
        if (subnet.dhcpServer() != null) {
            net.put("type", "ipv" + subnet.ipVersion() + "_dhcp");
            net.put("link", vif.deviceName());
            net.put("network_id", vif.networkId());
            return net;
        }
        var cidr = Cidr.parse(subnet.cidr());
        net.put("type", "ipv" + subnet.ipVersion());
        net.put("link", vif.deviceName());
        net.put("ip_address", subnet.address());
        net.put("netmask", netmask(cidr));
        net.put("routes", routes(subnet));
        net.put("network_id", vif.networkId());
        net.put("services", dns(subnet));
        return net;
    }

    private static List<Map<String, Object>> routes(VifSubnet subnet) {
        var routes = new ArrayList<Map<String, Object>>();
        if (subnet.gateway() != null && !subnet.gateway().isEmpty()) {
            String any = subnet.ipVersion() == 4 ? "0.0.0.0" : "::";
            routes.add(route(any, any, subnet.gateway()));
        }
        for (HostRoute r : subnet.routes()) {
            var cidr = Cidr.parse(r.destination());
            routes.add(route(cidr.address().toString(), netmask(cidr), r.nexthop()));
        }
        return routes;
    }

    /** The prefix as a dotted (or IPv6) mask, as netaddr prints it. */
    static String netmask(Cidr cidr) {
        int bits = cidr.address().bits();
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger host = BigInteger.ONE.shiftLeft(bits - cidr.prefixLength()).subtract(BigInteger.ONE);
        return IpAddress.of(cidr.version(), all.subtract(host)).toString();
    }

    private static Map<String, Object> route(String network, String netmask, String gateway) {
        var route = new LinkedHashMap<String, Object>();
        route.put("network", network);
        route.put("netmask", netmask);
        route.put("gateway", gateway);
        return route;
    }

    private static List<Map<String, Object>> dns(VifSubnet subnet) {
        return subnet.dnsServers().stream().<Map<String, Object>>map(a -> {
            var service = new LinkedHashMap<String, Object>();
            service.put("type", "dns");
            service.put("address", a);
            return service;
        }).toList();
    }
}
