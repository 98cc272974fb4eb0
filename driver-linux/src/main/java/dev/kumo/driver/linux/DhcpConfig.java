package dev.kumo.driver.linux;

import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.PortAddress;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.Route;
import dev.kumo.spi.network.SubnetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What dnsmasq is given for one network, as Neutron's DHCP agent writes it: the command line (which only
 * changes with the subnets, so a change means a restart) and the host, addn_hosts and opts files (which
 * change with the ports and are re-read on SIGHUP). IPv4 subnets only; IPv6 subnets are not served yet.
 *
 * @param dhcpAddresses the DHCP service's own address per subnet id
 * @param routed        whether a router serves the network (then the metadata route goes via the gateway,
 *                      else via the DHCP address, where the DHCP namespace runs its own metadata proxy)
 */
record DhcpConfig(NetworkSpec network, String interfaceName, Map<String, String> dhcpAddresses, List<PortSpec> ports,
                  boolean routed, Path dir) {
    static final String DOMAIN = "openstacklocal";
    static final String METADATA_ADDRESS = "169.254.169.254";

    List<SubnetSpec> servedSubnets() {
        return network.subnets().stream().filter(s -> s.dhcpEnabled() && s.ipVersion() == 4).toList();
    }

    static String tag(SubnetSpec subnet) {
        return "subnet-" + subnet.subnetId();
    }

    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("dnsmasq", "--no-hosts", "--no-resolv",
                "--pid-file=" + dir.resolve("pid"), "--dhcp-hostsfile=" + dir.resolve("host"),
                "--addn-hosts=" + dir.resolve("addn_hosts"), "--dhcp-optsfile=" + dir.resolve("opts"),
                "--dhcp-leasefile=" + dir.resolve("leases"), "--dhcp-match=set:ipxe,175", "--local-service",
                "--bind-interfaces", "--interface=" + interfaceName));
        for (SubnetSpec subnet : servedSubnets()) {
            Ipv4Cidr cidr = Ipv4Cidr.parse(subnet.cidr());
            args.add("--dhcp-range=set:" + tag(subnet) + "," + cidr.networkAddress() + ",static," + cidr.netmask() + ",86400s");
        }
        args.addAll(List.of("--dhcp-option-force=option:mtu," + network.mtu(), "--dhcp-lease-max=256",
                "--conf-file=/dev/null", "--domain=" + DOMAIN, "--user=root", "--group=root",
                "--log-facility=" + dir.resolve("dnsmasq.log"), "--log-dhcp"));
        return args;
    }

    /** {@code mac,host-10-0-0-6.openstacklocal,10.0.0.6}, one line per served address of each port. */
    String hostsFile() {
        StringBuilder text = new StringBuilder();
        for (PortSpec port : ports) {
            for (PortAddress address : servedAddresses(port)) {
                text.append(port.macAddress()).append(',').append(port.hostname()).append('.').append(DOMAIN)
                        .append(',').append(address.ipAddress()).append('\n');
            }
        }
        return text.toString();
    }

    /** Names for the ports, so that guests resolve each other through dnsmasq. */
    String addnHostsFile() {
        StringBuilder text = new StringBuilder();
        for (PortSpec port : ports) {
            for (PortAddress address : servedAddresses(port)) {
                text.append(address.ipAddress()).append('\t').append(port.hostname()).append('.').append(DOMAIN)
                        .append(' ').append(port.hostname()).append('\n');
            }
        }
        return text.toString();
    }

    /** Per subnet: DNS servers, router, and the classless routes (host routes, metadata, default). */
    String optsFile() {
        StringBuilder text = new StringBuilder();
        for (SubnetSpec subnet : servedSubnets()) {
            String tag = "tag:" + tag(subnet) + ",";
            String dhcpAddress = dhcpAddresses.get(subnet.subnetId());
            List<String> dns = subnet.dnsNameservers().isEmpty() ? List.of(dhcpAddress) : subnet.dnsNameservers();
            text.append(tag).append("option:dns-server,").append(String.join(",", dns)).append('\n');
            if (subnet.gatewayIp() != null) {
                text.append(tag).append("option:router,").append(subnet.gatewayIp()).append('\n');
            } else {
                text.append(tag).append("option:router").append('\n');
            }
            text.append(tag).append("option:classless-static-route,")
                    .append(String.join(",", classlessRoutes(subnet, dhcpAddress))).append('\n');
        }
        return text.toString();
    }

    /** Classless routes replace the router option in the guest, so the default route is repeated in them. */
    private List<String> classlessRoutes(SubnetSpec subnet, String dhcpAddress) {
        List<String> routes = new ArrayList<>();
        for (Route route : subnet.hostRoutes()) {
            if (Ipv4Cidr.isIpv4(route.destination())) {
                routes.add(route.destination());
                routes.add(route.nexthop());
            }
        }
        boolean viaRouter = routed && subnet.gatewayIp() != null;
        routes.add(METADATA_ADDRESS + "/32");
        routes.add(viaRouter ? subnet.gatewayIp() : dhcpAddress);
        if (subnet.gatewayIp() != null) {
            routes.add("0.0.0.0/0");
            routes.add(subnet.gatewayIp());
        }
        return routes;
    }

    private List<PortAddress> servedAddresses(PortSpec port) {
        List<String> served = servedSubnets().stream().map(SubnetSpec::subnetId).toList();
        return port.addresses().stream().filter(a -> served.contains(a.subnetId())).toList();
    }
}
