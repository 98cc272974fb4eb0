package dev.kumo.core.network.port;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.model.network.AddressPair;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import java.util.List;

/**
 * The rules about who may set what on a port and which combinations make sense, in Neutron's terms: what
 * only the network's owner (or an admin) may set, and what port security must be on for.
 */
final class PortChecks {
    private PortChecks() {}

    static void createPolicy(NetworkCaller caller, Network network, PortRequest in) {
        boolean networkOwner = caller.owns(network.projectId());
        if (network.external() && !network.shared() && !networkOwner) {
            throw NeutronErrors.typed(403, "ExternalNetworkAttachForbidden", "It is not allowed to create an interface "
                    + "on external network %s: a port plugged straight into the external network gets an address there "
                    + "but bypasses the router, so floating IPs never reach it. Create the port on a project network "
                    + "whose router has its gateway on %s, and associate a floating IP from %s with it.",
                    network.id(), network.name().isEmpty() ? network.id() : network.name(),
                    network.name().isEmpty() ? "that network" : network.name());
        }
        if (networkOwner) {
            return;
        }
        denyIf(in.macAddress() != null, "create_port:mac_address");
        denyIf(in.asksForAddresses(), "create_port:fixed_ips:ip_address");
        denyIf(NetworkPolicy.networkDeviceOwner(in.deviceOwner()), "create_port:device_owner");
        denyIf(in.portSecurityEnabled() != null, "create_port:port_security_enabled");
        denyIf(in.allowedAddressPairs() != null && !in.allowedAddressPairs().isEmpty(),
                "create_port:allowed_address_pairs");
    }

    static void updatePolicy(NetworkCaller caller, Port port, Network network, PortRequest in) {
        boolean networkOwner = caller.owns(network.projectId());
        if (!caller.owns(port.projectId()) && !networkOwner) {
            throw NeutronErrors.policy("update_port");
        }
        if (networkOwner) {
            return;
        }
        denyIf(in.asksForAddresses(), "update_port:fixed_ips:ip_address");
        denyIf(NetworkPolicy.networkDeviceOwner(in.deviceOwner()), "update_port:device_owner");
        denyIf(in.portSecurityEnabled() != null, "update_port:port_security_enabled");
        denyIf(in.allowedAddressPairs() != null, "update_port:allowed_address_pairs");
    }

    static void securityGroupsNeedPortSecurity(boolean secured, List<String> groups) {
        if (!secured && !groups.isEmpty()) {
            throw NeutronErrors.typed(400, "PortSecurityAndIPRequiredForSecurityGroups", "Port security must be enabled "
                    + "and port must have an IP address in order to use security groups.");
        }
    }

    static void pairsNeedPortSecurity(boolean secured, List<AddressPair> pairs) {
        if (!secured && !pairs.isEmpty()) {
            throw NeutronErrors.conflict("AddressPairAndPortSecurityRequired",
                    "Port Security must be enabled in order to have allowed address pairs on a port.");
        }
    }

    /**
     * Switching port security off needs the port's security groups and address pairs gone (in the same
     * request or before); setting groups needs it on.
     */
    static void securityChange(boolean secured, boolean groupsUnchanged, List<String> groups, List<AddressPair> pairs) {
        if (!secured && groupsUnchanged && !groups.isEmpty()) {
            throw NeutronErrors.conflict("PortSecurityPortHasSecurityGroup", "Port has security group associated. "
                    + "Cannot disable port security or ip address until security group is removed");
        }
        securityGroupsNeedPortSecurity(secured, groups);
        pairsNeedPortSecurity(secured, pairs);
    }

    static void macChangeAllowed(Port port, String newMac) {
        if (port.binding().bound()) {
            throw NeutronErrors.conflict("PortBound", "Unable to complete operation on port %s, port is already bound, "
                    + "port type: %s, old_mac %s, new_mac %s.", port.id(), port.binding().vifType(), port.macAddress(), newMac);
        }
    }

    private static void denyIf(boolean restricted, String rule) {
        if (restricted) {
            throw NeutronErrors.policy(rule);
        }
    }
}
