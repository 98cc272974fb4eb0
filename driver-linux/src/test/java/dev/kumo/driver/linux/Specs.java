package dev.kumo.driver.linux;

import dev.kumo.spi.network.AllowedAddress;
import dev.kumo.spi.network.L2Segment;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.NetworkType;
import dev.kumo.spi.network.PortAddress;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.SecurityRuleSpec;
import dev.kumo.spi.network.SubnetSpec;
import java.util.List;

/** Small builders of driver specs for the tests. */
final class Specs {
    private Specs() {}

    static SubnetSpec subnet(String id, String cidr, String gateway, String... dns) {
        return new SubnetSpec(id, 4, cidr, gateway, true, List.of(dns), List.of(), null);
    }

    static NetworkSpec tenantNetwork(String id, SubnetSpec... subnets) {
        return new NetworkSpec(id, new L2Segment(NetworkType.VXLAN, null, 100), 1450, true, List.of(subnets));
    }

    static NetworkSpec flatNetwork(String id, String physnet, SubnetSpec... subnets) {
        return new NetworkSpec(id, new L2Segment(NetworkType.FLAT, physnet, null), 1500, true, List.of(subnets));
    }

    static PortSpec computePort(String id, String networkId, String mac, String subnetId, String ip, String... groups) {
        return new PortSpec(id, networkId, mac, List.of(new PortAddress(subnetId, ip)), "compute:nova", "vm-" + id,
                "host1", "normal", true, true, List.of(groups), List.<AllowedAddress>of(), "host-" + ip.replace('.', '-'));
    }

    static PortSpec unsecuredPort(PortSpec port) {
        return new PortSpec(port.portId(), port.networkId(), port.macAddress(), port.addresses(), port.deviceOwner(),
                port.deviceId(), port.hostId(), port.vnicType(), true, false, List.of(), List.of(), port.hostname());
    }

    static SecurityRuleSpec rule(String id, String direction, String protocol, Integer min, Integer max, String prefix,
                                 String remoteGroup) {
        return new SecurityRuleSpec(id, direction, "IPv4", protocol, min, max, prefix, remoteGroup);
    }
}
