package dev.kumo.core.network.floatingip;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortForwarding;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Neutron's port forwarding validations (its API definition and pf_plugin), with Neutron's wording. */
final class PortForwardingRules {
    static final List<String> PROTOCOLS = List.of("tcp", "udp");
    private static final String RESOURCE = "port_forwarding";

    private PortForwardingRules() {}

    static void protocol(String protocol) {
        if (!PROTOCOLS.contains(protocol)) {
            throw NeutronErrors.invalidAttribute("protocol", protocol + " is not in ['tcp', 'udp']");
        }
    }

    static void port(String attribute, int port) {
        if (port < 1 || port > 65535) {
            throw NeutronErrors.invalidAttribute(attribute, "Invalid port: " + port);
        }
    }

    /** The port's fixed IPv4 address that was asked for, or its first one when none was ("" means none). */
    static FixedIp internalAddress(Port port, String requested) {
        List<FixedIp> v4 = port.fixedIps().stream().filter(PortForwardingService::isV4).toList();
        if (v4.isEmpty()) {
            throw NeutronErrors.badResourceRequest(RESOURCE, "Requested internal port %s must allocate an IPv4 address "
                    + "at least", port.id());
        }
        if (requested.isEmpty()) {
            return v4.getFirst();
        }
        return v4.stream().filter(ip -> ip.ipAddress().equals(requested)).findFirst().orElseThrow(() ->
                NeutronErrors.badResourceRequest(RESOURCE, "Requested internal IP address %s is not suitable for "
                        + "internal neutron port %s, as its fixed_ips are %s", requested, port.id(),
                        v4.stream().map(ip -> "{'subnet_id': '" + ip.subnetId() + "', 'ip_address': '" + ip.ipAddress()
                                + "'}").toList()));
    }

    /** Neutron turns the floating IP's "not reachable" 404 into this 400 for port forwardings. */
    static void reachable(Supplier<String> router, FloatingIp fip, String subnetId, String portId) {
        try {
            router.get();
        } catch (CloudException e) {
            throw NeutronErrors.badResourceRequest(RESOURCE, "External network %s is not reachable from subnet %s. "
                    + "Cannot set Port forwarding for Port %s with Floating IP %s", fip.floatingNetworkId(), subnetId,
                    portId, fip.id());
        }
    }

    /** One forwarding per external port and protocol of a floating IP (Neutron: 400, naming the clash). */
    static void unique(List<PortForwarding> existing, PortForwarding candidate, String replacing) {
        for (PortForwarding other : existing) {
            if (other.id().equals(replacing)) {
                continue;
            }
            if (other.externalPort() == candidate.externalPort() && other.protocol().equals(candidate.protocol())) {
                throw duplicate("{'floatingip_id': '" + candidate.floatingIpId() + "', 'external_port': "
                        + candidate.externalPort() + ", 'protocol': '" + candidate.protocol() + "'}");
            }
            if (other.internalPortId().equals(candidate.internalPortId())
                    && other.internalIpAddress().equals(candidate.internalIpAddress())
                    && other.internalPort() == candidate.internalPort()
                    && Objects.equals(other.protocol(), candidate.protocol())) {
                throw duplicate("{'internal_port_id': '" + candidate.internalPortId() + "', 'internal_ip_address': '"
                        + candidate.internalIpAddress() + "', 'internal_port': " + candidate.internalPort()
                        + ", 'protocol': '" + candidate.protocol() + "'}");
            }
        }
    }

    private static CloudException duplicate(String values) {
        return NeutronErrors.badResourceRequest(RESOURCE, "A duplicate port forwarding entry with same attributes "
                + "already exists, conflicting values are %s", values);
    }
}
