package dev.kumo.model.network;

import java.util.List;
import java.util.Objects;

/**
 * A Neutron port: a virtual NIC on a network with its MAC and fixed IPs.
 *
 * @param deviceId    what uses the port (a server, a router, a DHCP service), empty when nothing does
 * @param deviceOwner what kind of thing that is ({@code compute:nova}, {@code network:dhcp}, ...), or empty
 * @param status      what the data path last reported
 * @param dnsName     the host name DHCP and DNS give the port, or empty
 */
public record Port(String id, String projectId, String networkId, String name, String macAddress,
                   boolean adminStateUp, ResourceStatus status, String deviceId, String deviceOwner,
                   List<FixedIp> fixedIps, PortSecurity security, PortBinding binding, String dnsName,
                   StandardAttributes standard) {
    public Port {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(macAddress, "macAddress");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceOwner, "deviceOwner");
        fixedIps = List.copyOf(fixedIps);
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(dnsName, "dnsName");
        Objects.requireNonNull(standard, "standard");
    }

    public Port withStandard(StandardAttributes newStandard) {
        return new Port(id, projectId, networkId, name, macAddress, adminStateUp, status, deviceId, deviceOwner,
                fixedIps, security, binding, dnsName, newStandard);
    }

    public Port withFixedIps(List<FixedIp> newFixedIps) {
        return new Port(id, projectId, networkId, name, macAddress, adminStateUp, status, deviceId, deviceOwner,
                newFixedIps, security, binding, dnsName, standard);
    }
}
