package dev.kumo.spi.network;

/**
 * The data path of the network service: makes the host carry the networks and ports the service's
 * database describes. Implementations: the Linux driver (bridges, namespaces, dnsmasq, nftables) and the
 * fake driver, which records what the Linux one would do and documents these semantics.
 *
 * <h2>When it is called</h2>
 * The network service validates and persists a change in one database transaction ("precommit"), and
 * only after that transaction has committed does it call the driver ("postcommit"), never inside a
 * transaction. It calls the driver again, with the same desired state, when it reconciles: at start, after
 * a failure, and periodically. Calls for one network or one port are serialised by the service; calls for
 * different ones may run concurrently, so implementations must be thread-safe.
 *
 * <h2>Idempotent, converging calls</h2>
 * Every {@code ensure} call takes the whole desired state of one object and makes the host match it,
 * whatever the host currently has: nothing, the same, an older version, or a half-made one left by a crash.
 * Calling it twice with the same spec does nothing the second time. Every {@code delete} call removes what
 * the object left on the host and succeeds when there is nothing to remove. Every host object a driver
 * creates has a name derived from its owner's id (e.g. {@code qdhcp-<network id>}), so that
 * {@link #inventory()} can find it again after a restart.
 *
 * <h2>Failures</h2>
 * A call that cannot finish throws {@link NetworkDriverException} ("Failed to &lt;action&gt;: &lt;cause&gt;") after
 * undoing what it can of its own partial work; whatever it could not undo is left for the next
 * {@code ensure} (which converges it) or {@code delete} (which removes it). The service records the failure
 * on the resource ({@code status} ERROR for a network, {@code binding:vif_type} {@code binding_failed} and
 * status DOWN for a port) and retries when it next reconciles. No call may block for long: a driver bounds
 * its own waits and fails instead.
 *
 * <h2>Concerns</h2>
 * Grouped by concern; each concern a driver supports is announced in {@link #capabilities()}.
 * <ul>
 *   <li>Status: {@link #probe()}, {@link #capabilities()}, {@link #inventory()}.</li>
 *   <li>Networks (the L2 segment and the network's DHCP service): {@link #ensureNetwork}, {@link #deleteNetwork}.</li>
 *   <li>Ports (plugging, DHCP host entries, anti-spoofing): {@link #ensurePort}, {@link #deletePort}.</li>
 *   <li>Routers (namespace, interfaces, gateway, SNAT, static routes): {@link #ensureRouter}, {@link #deleteRouter}.</li>
 *   <li>Floating IPs (DNAT/SNAT and ARP in the router's namespace): {@link #ensureFloatingIp},
 *       {@link #deleteFloatingIp}.</li>
 *   <li>Security groups (rule sets the ports' filters refer to): {@link #ensureSecurityGroup},
 *       {@link #deleteSecurityGroup}.</li>
 *   <li>Later concerns, added as further groups of the same shape when the service grows them: security groups
 *       ({@code ensureSecurityGroup}/{@code deleteSecurityGroup}: rule sets that ports refer to), and the
 *       metadata proxy. DHCP ports ({@code device_owner} {@code network:dhcp}) will reach the driver as
 *       ordinary ports through {@link #ensurePort}, plugged into the network's DHCP service.</li>
 * </ul>
 */
public interface NetworkDriver {

    /**
     * Whether this driver can work on this host (kernel modules, tools, permissions, configured bridges).
     * Called at start and by {@code kumo status}; cheap and side-effect free. A driver that is not operational
     * says why instead of throwing, and the service reports it rather than crashing.
     */
    OperationalStatus probe();

    /** What this driver supports; constant for the life of the driver. */
    NetworkDriverCapabilities capabilities();

    /**
     * The networks, ports, routers and floating IPs this driver finds plumbed on the host, by owner id,
     * whatever the service believes (also those of a previous run of kumo). The service deletes those it no
     * longer has (mark and sweep).
     */
    DataPathInventory inventory();

    /**
     * Makes the host carry {@code network}: its segment, its MTU, and a DHCP service for its DHCP-enabled
     * subnets (with their gateways, DNS servers, host routes and MTU), none if it has none. Called when a
     * network is created or changed and when one of its subnets is created, changed or deleted.
     *
     * @return ACTIVE when it carries traffic, DOWN when administratively down
     * @throws NetworkDriverException when the host cannot carry it; the segment type is one of
     *                                {@link NetworkDriverCapabilities#networkTypes()}, the service checked that
     */
    NetworkState ensureNetwork(NetworkSpec network);

    /**
     * Removes everything the network left on the host (segment, DHCP service and its leases). The service
     * deletes the network's ports first; leftovers of ports are removed too.
     */
    void deleteNetwork(String networkId);

    /**
     * Makes the host carry {@code port} as described: plugged into its network when bound to this host, its
     * MAC and fixed IPs known to the network's DHCP service, its filters (security groups, anti-spoofing with
     * the allowed address pairs) in place when port security is on. An unbound port is not plugged anywhere
     * (DOWN, vif type {@code unbound}) but its DHCP entry exists, so a guest plugged later gets its address.
     * The port's network has been ensured before.
     *
     * @return ACTIVE once plugged and passing traffic; DOWN when unbound or administratively down
     */
    PortState ensurePort(PortSpec port);

    /** Unplugs the port and removes its DHCP entry and filters. */
    void deletePort(PortRef port);

    /**
     * Makes the host carry {@code router}: its namespace, a leg per interface and the gateway leg, SNAT of the
     * interfaces' subnets when asked, the static routes. Legs removed from the spec are removed from the host.
     * The networks of its legs have been ensured before.
     *
     * @return ACTIVE when it forwards, DOWN when administratively down
     */
    DataPathStatus ensureRouter(RouterSpec router);

    /** Removes the router's namespace with its legs, NAT rules and the floating IPs it carried. */
    void deleteRouter(String routerId);

    /**
     * Makes the router of {@code floatingIp} NAT it to its fixed address. Called when a floating IP is
     * associated or moved; a disassociated floating IP is deleted from the data path with
     * {@link #deleteFloatingIp}. The router has been ensured before, with a gateway on the external network.
     *
     * @return ACTIVE once the NAT is in place
     */
    DataPathStatus ensureFloatingIp(FloatingIpSpec floatingIp);

    /** Removes the floating IP's NAT rules and ARP entry, wherever they are. */
    void deleteFloatingIp(String floatingIpId);

    /**
     * Makes the filters of every port in the group (and of ports whose rules name it as remote group) follow
     * {@code group}'s rules. Called when a group or one of its rules is created, changed or deleted; applying
     * it must not interrupt established flows of other ports.
     */
    void ensureSecurityGroup(SecurityGroupSpec group);

    /** Removes the group's rule set; the service deletes a group only when no port is in it. */
    void deleteSecurityGroup(String groupId);

    /**
     * Removes what the driver keeps on the host beyond its objects (shared rule tables, bridges it created for
     * physical networks), after every network, port, router and floating IP has been deleted: {@code kumo purge}
     * calls it last. Does nothing by default.
     */
    default void purgeHost() {
    }
}
