package dev.kumo.driver.linux;

import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.PortAddress;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.SubnetSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DHCP service of one network: namespace {@code qdhcp-<network id>}, a veth {@code ns-<id>} into it from
 * the network's bridge ({@code dh-<id>} on the bridge side), dnsmasq, and for a network without a router a
 * metadata proxy on 169.254.169.254:80. Leases live in the network's directory and survive restarts of
 * dnsmasq; they go with the network.
 */
final class DhcpService {
    private final DeviceLinks links;
    private final Daemons daemons;
    private final MetadataProxies proxies;
    private final Path root;
    private final Path metadataSocket;
    /** What each network's service was last made from, to skip the host work when nothing changed. */
    private final Map<String, DhcpConfig> applied = new java.util.concurrent.ConcurrentHashMap<>();

    DhcpService(DeviceLinks links, Daemons daemons, MetadataProxies proxies, Path networkDir, Path metadataSocket) {
        this.links = links;
        this.daemons = daemons;
        this.proxies = proxies;
        this.root = networkDir.resolve("dhcp");
        this.metadataSocket = metadataSocket;
    }

    Path dir(String networkId) {
        return root.resolve(networkId);
    }

    static String insideName(String networkId) {
        return "ns-" + DeviceNames.bridge(networkId).substring(3);
    }

    static String outsideName(String networkId) {
        return "dh-" + DeviceNames.bridge(networkId).substring(3);
    }

    /**
     * Makes the network's DHCP service match: none when no IPv4 subnet has DHCP; else the namespace, the
     * veth, the addresses, the files (SIGHUP when only they changed) and dnsmasq (restarted when its command
     * line changed).
     *
     * @param dhcpPort the service's {@code network:dhcp} port of this network, or null: then the driver takes
     *                 the highest host address of each subnet (Neutron's DHCP agent would create a port)
     */
    void ensure(NetworkSpec network, String bridge, PortSpec dhcpPort, List<PortSpec> ports, boolean routed) {
        String id = network.networkId();
        Set<String> used = new java.util.HashSet<>();
        ports.forEach(p -> p.addresses().forEach(a -> used.add(a.ipAddress())));
        Map<String, String> addresses = dhcpAddresses(network, dhcpPort, used);
        DhcpConfig config = new DhcpConfig(network, insideName(id), addresses, ports, routed, dir(id));
        if (config.servedSubnets().isEmpty()) {
            remove(id);
            return;
        }
        String ns = DeviceNames.dhcpNamespace(id);
        if (config.equals(applied.get(id)) && links.namespaceExists(ns) && links.linkExists(null, outsideName(id))
                && daemons.running(dir(id).resolve("pid"), dir(id).toString()).isPresent()) {
            return;
        }
        applied.remove(id);
        boolean fresh = links.ensureNamespace(ns);
        String mac = dhcpPort != null ? dhcpPort.macAddress() : derivedMac(id);
        fresh |= links.ensureVeth(ns, insideName(id), mac, outsideName(id), bridge, network.mtu());
        links.ensureAddresses(ns, insideName(id), interfaceAddresses(config, addresses, routed));
        if (fresh) {
            // dnsmasq (bound to the old interface) and the proxy may still run in a namespace deleted by hand
            daemons.stop(dir(id).resolve("pid"), dir(id).toString());
            proxies.stop(id);
        }
        runDnsmasq(config, ns);
        if (routed) {
            proxies.remove(id);
        } else {
            proxies.ensure(ns, id, DhcpConfig.METADATA_ADDRESS, 80, MetadataProxyConfig.NETWORK_HEADER, metadataSocket);
        }
        applied.put(id, config);
    }

    private void runDnsmasq(DhcpConfig config, String ns) {
        Path dir = config.dir();
        boolean filesChanged = DriverFiles.writeIfChanged(dir.resolve("host"), config.hostsFile())
                | DriverFiles.writeIfChanged(dir.resolve("addn_hosts"), config.addnHostsFile())
                | DriverFiles.writeIfChanged(dir.resolve("opts"), config.optsFile());
        boolean argumentsChanged = DriverFiles.writeIfChanged(dir.resolve("cmdline"), String.join("\n", config.arguments()));
        Path pidfile = dir.resolve("pid");
        String marker = dir.toString();
        boolean running = daemons.running(pidfile, marker).isPresent();
        if (running && !argumentsChanged) {
            if (filesChanged) {
                daemons.hangUp(pidfile, marker);
            }
            return;
        }
        daemons.stop(pidfile, marker);
        daemons.start(DeviceLinks.inNamespace(ns, config.arguments()), pidfile, marker,
                "dnsmasq for network " + config.network().networkId());
    }

    void remove(String networkId) {
        applied.remove(networkId);
        Path dir = dir(networkId);
        new CleanupSteps().step(() -> daemons.stop(dir.resolve("pid"), dir.toString()))
                .step(() -> proxies.remove(networkId))
                .step(() -> links.deleteNamespace(DeviceNames.dhcpNamespace(networkId)))
                .step(() -> links.deleteLink(null, outsideName(networkId)))
                .step(() -> DriverFiles.deleteTree(dir))
                .finish("remove the DHCP service of network " + networkId);
    }

    private static Set<String> interfaceAddresses(DhcpConfig config, Map<String, String> addresses, boolean routed) {
        Set<String> cidrs = new LinkedHashSet<>();
        for (SubnetSpec subnet : config.servedSubnets()) {
            cidrs.add(addresses.get(subnet.subnetId()) + "/" + Ipv4Cidr.parse(subnet.cidr()).prefixLength());
        }
        if (!routed) {
            cidrs.add(DhcpConfig.METADATA_ADDRESS + "/32");
        }
        return cidrs;
    }

    /**
     * The DHCP port's address in each served subnet, else the subnet's highest host address that is neither the
     * gateway nor held by a port ({@code used}); if a port later takes it, the service moves down on the next
     * ensure. Until the network service creates {@code network:dhcp} ports this is a stand-in for the address
     * Neutron's DHCP agent would get allocated.
     */
    static Map<String, String> dhcpAddresses(NetworkSpec network, PortSpec dhcpPort, Set<String> used) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (SubnetSpec subnet : network.subnets()) {
            if (!subnet.dhcpEnabled() || subnet.ipVersion() != 4) {
                continue;
            }
            String fromPort = dhcpPort == null ? null : dhcpPort.addresses().stream()
                    .filter(a -> a.subnetId().equals(subnet.subnetId())).map(PortAddress::ipAddress).findFirst().orElse(null);
            if (fromPort == null) {
                fromPort = highestFree(Ipv4Cidr.parse(subnet.cidr()), subnet.gatewayIp(), used);
            }
            addresses.put(subnet.subnetId(), fromPort);
        }
        return addresses;
    }

    private static String highestFree(Ipv4Cidr cidr, String gateway, Set<String> used) {
        for (long address = cidr.lastHost(); address > cidr.network(); address--) {
            String candidate = Ipv4Cidr.toAddress(address);
            if (!candidate.equals(gateway) && !used.contains(candidate)) {
                return candidate;
            }
        }
        throw new dev.kumo.spi.network.NetworkDriverException("Failed to plumb DHCP on " + cidr
                + ": no free address left for the DHCP service");
    }

    /** A stable locally administered MAC for a DHCP interface that has no port (outside Neutron's fa:16:3e). */
    static String derivedMac(String networkId) {
        int hash = networkId.hashCode();
        return String.format("fa:16:3f:%02x:%02x:%02x", (hash >> 16) & 255, (hash >> 8) & 255, hash & 255);
    }
}
