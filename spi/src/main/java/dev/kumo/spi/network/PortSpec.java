package dev.kumo.spi.network;

import java.util.List;
import java.util.Objects;

/**
 * One port as the data path needs it.
 *
 * @param deviceOwner      what uses the port ({@code compute:nova}, {@code network:dhcp},
 *                         {@code network:router_interface}, ...); the driver plugs each kind where it belongs
 * @param deviceId         the server, router or network that uses it; empty when nothing does
 * @param hostId           the host the port is bound to; empty means unbound, and an unbound port is not
 *                         plugged anywhere
 * @param vnicType         {@code normal} (a tap device) unless passthrough was asked for
 * @param portSecurity     false switches off security groups and anti-spoofing for the port
 * @param securityGroupIds the groups whose rules filter its traffic (when port security is on)
 * @param hostname         what DHCP tells the guest its name is
 */
public record PortSpec(String portId, String networkId, String macAddress, List<PortAddress> addresses,
                       String deviceOwner, String deviceId, String hostId, String vnicType, boolean adminStateUp,
                       boolean portSecurity, List<String> securityGroupIds, List<AllowedAddress> allowedAddresses,
                       String hostname) {
    public PortSpec {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(macAddress, "macAddress");
        addresses = List.copyOf(addresses);
        Objects.requireNonNull(deviceOwner, "deviceOwner");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(vnicType, "vnicType");
        securityGroupIds = List.copyOf(securityGroupIds);
        allowedAddresses = List.copyOf(allowedAddresses);
        Objects.requireNonNull(hostname, "hostname");
    }

    public boolean bound() {
        return !hostId.isEmpty();
    }
}
