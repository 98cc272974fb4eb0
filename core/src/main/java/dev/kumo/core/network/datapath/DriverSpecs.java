package dev.kumo.core.network.datapath;

import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.Subnet;
import dev.kumo.spi.network.AllowedAddress;
import dev.kumo.spi.network.L2Segment;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.NetworkType;
import dev.kumo.spi.network.PortAddress;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.Route;
import dev.kumo.spi.network.SubnetSpec;
import java.util.List;

/** Translates resources into what the driver is told: only what the data path needs. */
public final class DriverSpecs {
    private DriverSpecs() {}

    public static NetworkSpec network(Network network, List<Subnet> subnets) {
        var segment = network.segment();
        NetworkType type = NetworkType.fromApiName(segment.networkType())
                .orElseThrow(() -> new IllegalStateException("stored network " + network.id()
                        + " has unknown segment type " + segment.networkType()));
        return new NetworkSpec(network.id(), new L2Segment(type, segment.physicalNetwork(), segment.segmentationId()),
                network.mtu(), network.adminStateUp(), subnets.stream().map(DriverSpecs::subnet).toList());
    }

    static SubnetSpec subnet(Subnet s) {
        return new SubnetSpec(s.id(), s.ipVersion(), s.cidr(), s.gatewayIp(), s.enableDhcp(), s.dnsNameservers(),
                s.hostRoutes().stream().map(r -> new Route(r.destination(), r.nexthop())).toList(), s.ipv6AddressMode());
    }

    public static PortSpec port(Port port) {
        return new PortSpec(port.id(), port.networkId(), port.macAddress(),
                port.fixedIps().stream().map(ip -> new PortAddress(ip.subnetId(), ip.ipAddress())).toList(),
                port.deviceOwner(), port.deviceId(), port.binding().hostId(), port.binding().vnicType(),
                port.adminStateUp(), port.security().enabled(),
                port.security().enabled() ? port.security().securityGroupIds() : List.of(),
                port.security().allowedAddressPairs().stream()
                        .map(p -> new AllowedAddress(p.ipAddress(), p.macAddress())).toList(),
                hostname(port));
    }

    /** The port's DNS name, else Neutron's default {@code host-10-0-0-5} from its first address. */
    public static String hostname(Port port) {
        if (!port.dnsName().isEmpty()) {
            return port.dnsName();
        }
        List<FixedIp> ips = port.fixedIps();
        return ips.isEmpty() ? "host-" + port.id().substring(0, Math.min(8, port.id().length()))
                : "host-" + ips.getFirst().ipAddress().replace('.', '-').replace(':', '-');
    }
}
