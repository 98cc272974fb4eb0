package dev.kumo.server.metadata;

import dev.kumo.api.network.NetworkServices;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.Filter;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.PageRequest;
import dev.kumo.core.network.query.TagFilter;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortBinding;
import dev.kumo.model.network.Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Describes a port for network_data.json: its network's MTU, its addresses with their subnets, the DHCP server. */
final class VifLoader {
    static final String DHCP_OWNER = "network:dhcp";
    /** Link types cloud-init accepts; kumo's data path is Linux-bridge style, so anything else is called a bridge. */
    private static final Set<String> KNOWN_TYPES = Set.of("bridge", "ovs", "tap", "vhostuser", "hw_veb", "phy");

    private final NetworkServices network;

    VifLoader(NetworkServices network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    Vif of(Port port) {
        int mtu = 0;
        try {
            Network net = network.networks().get(InstanceLocator.SYSTEM, port.networkId());
            mtu = net.mtu();
        } catch (CloudException e) {
            // the network is going away with the port: no MTU to tell
        }
        List<Port> dhcpPorts = network.ports().list(InstanceLocator.SYSTEM, new ListQuery<>(List.of(
                new Filter<>(PortAttribute.NETWORK_ID, List.of(port.networkId())),
                new Filter<>(PortAttribute.DEVICE_OWNER, List.of(DHCP_OWNER))), TagFilter.NONE, List.of(), PageRequest.ALL));
        var subnets = new ArrayList<VifSubnet>();
        for (FixedIp ip : port.fixedIps()) {
            try {
                Subnet s = network.subnets().get(InstanceLocator.SYSTEM, ip.subnetId());
                subnets.add(new VifSubnet(s.ipVersion(), s.cidr(), ip.ipAddress(), s.gatewayIp(), s.dnsNameservers(),
                        s.hostRoutes(), s.enableDhcp() ? dhcpServer(dhcpPorts, s.id()) : null));
            } catch (CloudException e) {
                // a subnet deleted meanwhile: leave the address out
            }
        }
        return new Vif(port.id(), port.macAddress(), mtu, port.networkId(), type(port), subnets);
    }

    private static String dhcpServer(List<Port> dhcpPorts, String subnetId) {
        return dhcpPorts.stream().flatMap(p -> p.fixedIps().stream()).filter(ip -> ip.subnetId().equals(subnetId))
                .map(FixedIp::ipAddress).findFirst().orElse(null);
    }

    private static String type(Port port) {
        String vifType = port.binding().vifType();
        if ("ethernet".equals(vifType)) {
            return "phy";
        }
        return KNOWN_TYPES.contains(vifType) && !PortBinding.UNBOUND.equals(vifType) ? vifType : "bridge";
    }
}
