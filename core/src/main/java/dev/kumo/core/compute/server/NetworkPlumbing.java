package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import java.util.List;
import java.util.Optional;

/**
 * The network service as the compute service uses it: look networks and ports up for validation (as the
 * caller), and create, bind and release a server's ports (as the service, on behalf of the server's project).
 * Implemented where services are wired.
 */
public interface NetworkPlumbing {
    record NetworkInfo(String id, String name) {}

    record PortInfo(String id, String networkId, String projectId, String deviceId) {}

    Optional<NetworkInfo> network(ComputeCaller caller, String id);

    /** Networks a server of the caller's project may attach to without naming one: its own and shared ones. */
    List<NetworkInfo> usableNetworks(ComputeCaller caller);

    Optional<PortInfo> port(ComputeCaller caller, String id);

    /**
     * Whether the caller's project has a security group with this name or id. "default" always counts: the
     * network service makes each project's default group on first use.
     */
    boolean securityGroupExists(ComputeCaller caller, String nameOrId);

    /** Sets the security groups (names or ids in the server's project) of every port of the server. */
    void setSecurityGroups(Server server, List<String> namesOrIds);

    /** Creates a port for the server on the network (with the fixed IP if given), bound to the host. */
    Nic createPort(Server server, String networkId, String fixedIp);

    /** Binds an existing port to the server and host. */
    Nic bindPort(Server server, String portId);

    /** The ports whose device is the server (a crash may have left ones the server record does not know). */
    List<Nic> portsOf(Server server);

    /** Deletes the ports the compute service created and unbinds the others. Idempotent. */
    void release(Server server, List<Nic> nics);

    /** The floating IP addresses associated with each of {@code portIds} (ports without one are absent). */
    java.util.Map<String, List<String>> floatingIps(java.util.Collection<String> portIds);

    /**
     * The port as {@code os-interface} shows it (its status and fixed IPs with their subnets), or empty when the
     * network service has no such port. The default knows no subnets: it says what the server record holds.
     */
    default java.util.Optional<InterfaceAttachment> attachment(Nic nic) {
        return Optional.of(new InterfaceAttachment(nic.portId(), nic.networkId(), nic.macAddress(), "ACTIVE",
                nic.fixedIps().stream().map(ip -> new InterfaceAttachment.FixedAddress("", ip)).toList()));
    }
}
