package dev.kumo.core.network.router;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.AllocationRanges;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.HostRoute;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.Subnet;
import java.util.List;

/** The validations of router interfaces and routes, with Neutron's wording. */
final class RouterChecks {
    private RouterChecks() {}

    /**
     * The subnet's gateway can be the router's address on it. Neutron accepts a gateway outside the CIDR at
     * subnet create and only fails here, which left the source documents' author puzzled: the hint says how
     * to fix the subnet.
     */
    static IpAddress usableGateway(Subnet subnet) {
        if (subnet.gatewayIp() == null) {
            throw NeutronErrors.badResourceRequest("router", "Subnet for router interface must have a gateway IP");
        }
        Cidr cidr = Cidr.parse(subnet.cidr());
        IpAddress gateway = IpAddress.parse(subnet.gatewayIp());
        if (!cidr.contains(gateway)) {
            // the pools of such a subnet start at .1, so the new gateway comes with new pools around it
            IpAddress suggested = cidr.first().plus(1);
            var pools = AllocationRanges.defaults(cidr, suggested);
            throw NeutronErrors.typed(400, "InvalidIpForSubnet", "IP address %s is not a valid IP for the specified "
                    + "subnet. Hint: the gateway of subnet %s lies outside its CIDR %s; give it an address inside and "
                    + "pools around it, e.g. openstack subnet set --gateway %s --no-allocation-pool --allocation-pool "
                    + "start=%s,end=%s %s", subnet.gatewayIp(), subnet.id(), subnet.cidr(), suggested,
                    pools.getFirst().first(), pools.getLast().last(), subnet.id());
        }
        return gateway;
    }

    /** A router has one interface per subnet and its subnets do not overlap (Neutron's two checks). */
    static void fitsRouter(NetworkTx tx, List<Port> interfaces, Subnet subnet) {
        Cidr cidr = Cidr.parse(subnet.cidr());
        for (Port port : interfaces) {
            for (FixedIp ip : port.fixedIps()) {
                if (ip.subnetId().equals(subnet.id())) {
                    throw NeutronErrors.badResourceRequest("router", "Router already has a port on subnet %s",
                            subnet.id());
                }
                Subnet attached = tx.subnets().find(ip.subnetId(), Viewer.ALL).orElseThrow();
                if (Cidr.parse(attached.cidr()).overlaps(cidr)) {
                    throw NeutronErrors.badResourceRequest("router", "Cidr %s of subnet %s overlaps with cidr %s of "
                            + "subnet %s", subnet.cidr(), subnet.id(), attached.cidr(), attached.id());
                }
            }
        }
    }

    /** Every route is a CIDR via a next hop on one of the router's subnets (Neutron's InvalidRoutes). */
    static void routesReachable(List<HostRoute> routes, List<Cidr> attached) {
        for (HostRoute route : routes) {
            if (Cidr.tryParse(route.destination()).isEmpty()) {
                throw NeutronErrors.invalidAttribute("routes", "'" + route.destination() + "' is not a valid IP subnet");
            }
            IpAddress nexthop = IpAddress.tryParse(route.nexthop()).orElseThrow(() ->
                    NeutronErrors.invalidAttribute("routes", "'" + route.nexthop() + "' is not a valid IP address"));
            if (attached.stream().noneMatch(c -> c.contains(nexthop))) {
                throw NeutronErrors.typed(400, "InvalidRoutes", "Invalid format for routes: %s, the nexthop is not "
                        + "connected with router.", "[{'destination': '" + route.destination() + "', 'nexthop': '"
                        + route.nexthop() + "'}]");
            }
        }
    }
}
