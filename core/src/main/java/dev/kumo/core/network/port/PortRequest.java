package dev.kumo.core.network.port;

import dev.kumo.core.network.ipam.FixedIpRequest;
import java.util.List;
import java.util.Map;

/**
 * A port to create, or the changes to one: null means "not given". {@code fixedIps} empty (not null) asks
 * for a port without addresses.
 */
public record PortRequest(String networkId, String name, String description, String projectId, Boolean adminStateUp,
                          String macAddress, List<FixedIpRequest> fixedIps, String deviceId, String deviceOwner,
                          List<String> securityGroups, List<AddressPairRequest> allowedAddressPairs,
                          Boolean portSecurityEnabled, String hostId, String vnicType, Map<String, Object> profile,
                          String dnsName, List<String> tags) {

    public static PortRequest on(String networkId) {
        return new PortRequest(networkId, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public boolean asksForAddresses() {
        return fixedIps != null && fixedIps.stream().anyMatch(f -> f.ipAddress() != null);
    }
}
