package dev.kumo.spi.network;

import java.util.List;
import java.util.Objects;

/**
 * Everything the data path needs to carry one network: its segment, its MTU (which DHCP also announces,
 * option 26) and its subnets (for the DHCP service). A network with no DHCP-enabled subnet needs no DHCP
 * service; one that is administratively down carries no traffic.
 */
public record NetworkSpec(String networkId, L2Segment segment, int mtu, boolean adminStateUp,
                          List<SubnetSpec> subnets) {
    public NetworkSpec {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(segment, "segment");
        subnets = List.copyOf(subnets);
    }

    public boolean needsDhcp() {
        return subnets.stream().anyMatch(SubnetSpec::dhcpEnabled);
    }
}
