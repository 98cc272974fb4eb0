package dev.kumo.model.network;

import java.util.List;

/**
 * What filters a port's traffic. With {@code enabled} false the port has neither security groups nor allowed
 * address pairs, and no anti-spoofing.
 */
public record PortSecurity(boolean enabled, List<String> securityGroupIds, List<AddressPair> allowedAddressPairs) {
    public PortSecurity {
        securityGroupIds = List.copyOf(securityGroupIds);
        allowedAddressPairs = List.copyOf(allowedAddressPairs);
    }
}
