package dev.kumo.server.metadata;

import dev.kumo.model.network.HostRoute;
import java.util.List;
import java.util.Objects;

/**
 * One address of a port and the subnet it is on.
 *
 * @param gateway    null when the subnet has none
 * @param dhcpServer the address of the network's DHCP port on this subnet, or null: Nova then describes the
 *                   network as {@code ipv4_dhcp} rather than static
 */
public record VifSubnet(int ipVersion, String cidr, String address, String gateway, List<String> dnsServers,
                        List<HostRoute> routes, String dhcpServer) {
    public VifSubnet {
        Objects.requireNonNull(cidr, "cidr");
        Objects.requireNonNull(address, "address");
        dnsServers = List.copyOf(dnsServers);
        routes = List.copyOf(routes);
    }
}
