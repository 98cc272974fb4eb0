package dev.kumo.server.metadata;

import dev.kumo.core.compute.server.NovaHostname;
import dev.kumo.api.compute.ComputeServices;
import dev.kumo.api.network.NetworkServices;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.server.Nic;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.network.floatingip.FloatingIpAttribute;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.Port;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Gathers an instance's {@link InstanceFacts} from the compute service (the server, its key) and the network
 * service (its ports, their subnets, floating IPs), as the system: the instance was already identified.
 */
public final class InstanceFactsLoader {
    private static final ComputeCaller SYSTEM = new ComputeCaller(null, "metadata", null, true);
    private static final String DEFAULT_ZONE = "nova";

    private final ComputeServices compute;
    private final NetworkServices network;
    private final VifLoader vifs;
    private final String dhcpDomain;

    /** @param dhcpDomain appended to host names as Nova's {@code [api] dhcp_domain} (default {@code novalocal}); empty for none */
    public InstanceFactsLoader(ComputeServices compute, NetworkServices network, String dhcpDomain) {
        this.compute = Objects.requireNonNull(compute, "compute");
        this.network = Objects.requireNonNull(network, "network");
        this.vifs = new VifLoader(network);
        this.dhcpDomain = Objects.requireNonNull(dhcpDomain, "dhcpDomain");
    }

    /** The facts of server {@code id}, empty when there is no such server. */
    public Optional<InstanceFacts> load(String id) {
        Server server;
        try {
            server = compute.servers().get(SYSTEM, id);
        } catch (CloudException e) {
            return Optional.empty();
        }
        List<Port> ports = ports(server);
        String fixed = ports.stream().flatMap(p -> p.fixedIps().stream()).map(ip -> ip.ipAddress())
                .filter(ip -> !ip.contains(":")).findFirst().orElse(null);
        String hostname = NovaHostname.of(server.name(), server.id()) + (dhcpDomain.isEmpty() ? "" : "." + dhcpDomain);
        return Optional.of(new InstanceFacts(server.id(), server.name() == null ? "" : server.name(), hostname,
                server.projectId(), server.availabilityZone() == null ? DEFAULT_ZONE : server.availabilityZone(),
                server.launchIndex(), server.reservationId(), server.keyName(), keyType(server), server.publicKey(),
                server.metadata(), userData(server), server.flavor().name(), server.imageId(),
                server.securityGroups().isEmpty() ? List.of("default") : server.securityGroups(), fixed,
                fixed == null ? null : floatingIp(ports, fixed), ports.stream().map(vifs::of).toList()));
    }

    /** The server's ports, in the order of its NICs (the order the guest sees them). */
    private List<Port> ports(Server server) {
        List<String> order = server.nics().stream().map(Nic::portId).toList();
        return network.ports().list(InstanceLocator.SYSTEM, ListQuery.where(PortAttribute.DEVICE_ID, server.id())).stream()
                .filter(p -> p.deviceOwner().startsWith(InstanceLocator.COMPUTE_PREFIX))
                .sorted(Comparator.comparingInt(p -> order.contains(p.id()) ? order.indexOf(p.id()) : order.size()))
                .toList();
    }

    private String floatingIp(List<Port> ports, String fixed) {
        for (Port port : ports) {
            List<FloatingIp> found = network.floatingIps().list(InstanceLocator.SYSTEM,
                    ListQuery.where(FloatingIpAttribute.PORT_ID, port.id()));
            Optional<String> address = found.stream().filter(f -> fixed.equals(f.fixedIpAddress()))
                    .map(FloatingIp::floatingIpAddress).findFirst();
            if (address.isPresent()) {
                return address.get();
            }
        }
        return null;
    }

    private String keyType(Server server) {
        if (server.keyName() == null) {
            return null;
        }
        try {
            return compute.keypairs().get(SYSTEM, server.keyName(), server.userId()).type();
        } catch (CloudException e) {
            return "ssh"; // the key pair was deleted after boot; the server keeps its copy of the key
        }
    }

    private static byte[] userData(Server server) {
        if (server.userData() == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(server.userData());
        } catch (IllegalArgumentException e) {
            return null; // the API refuses what is not base64; a stored value that is not cannot be served
        }
    }
}
