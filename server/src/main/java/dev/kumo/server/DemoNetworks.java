package dev.kumo.server;

import dev.kumo.api.network.NetworkServices;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.network.NetworkRequest;
import dev.kumo.core.network.router.GatewayRequest;
import dev.kumo.core.network.router.InterfaceRequest;
import dev.kumo.core.network.router.RouterRequest;
import dev.kumo.core.network.subnet.SubnetRequest;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Router;
import dev.kumo.model.network.Subnet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The networks Packstack's demo provisioning makes, made once at the first start: the external network
 * {@code public} (flat, on physical network {@code physnet1}, which the bridge mappings put on {@code br-ex})
 * with {@code public_subnet}, and for project demo a {@code private} network with {@code private_subnet} and
 * {@code router1} whose gateway is on {@code public}. A marker file in the state directory records that it
 * happened, so networks an operator deletes stay deleted.
 */
final class DemoNetworks {
    private static final Logger LOG = LoggerFactory.getLogger(DemoNetworks.class);
    static final String MARKER = "demo-networks.done";
    private static final String PRIVATE_CIDR = "10.0.0.0/24";

    private final NetworkServices network;
    private final PublicSubnet publicSubnet;

    /** The external subnet: its range, gateway (the host's address on the external bridge) and pool. */
    record PublicSubnet(String cidr, String gateway, String poolStart, String poolEnd) {
        PublicSubnet {
            Objects.requireNonNull(cidr, "cidr");
        }

        /** A /24 (or larger) range: gateway .1, pool .2 to .254 of its first /24, as DevStack's 172.24.4.0/24. */
        static PublicSubnet of(String cidr) {
            String base = cidr.substring(0, cidr.lastIndexOf('.'));
            return new PublicSubnet(cidr, base + ".1", base + ".2", base + ".254");
        }
    }

    DemoNetworks(NetworkServices network, PublicSubnet publicSubnet) {
        this.network = Objects.requireNonNull(network, "network");
        this.publicSubnet = Objects.requireNonNull(publicSubnet, "publicSubnet");
    }

    /** Creates the demo networks unless the marker says they were made before. */
    void provisionOnce(Path stateDir, IdentitySnapshot identity) {
        Path marker = stateDir.resolve(MARKER);
        if (Files.exists(marker)) {
            return;
        }
        String admin = identity.projectByName("default", "admin").orElseThrow().id();
        String demo = identity.projectByName("default", "demo").orElseThrow().id();
        var system = new NetworkCaller("kumo", admin, true);
        Network pub = network.networks().create(system, new NetworkRequest("public", "", admin, true, false, true,
                "flat", "physnet1", null, null, null, null, null, null));
        network.subnets().create(system, new SubnetRequest("public_subnet", "", admin, pub.id(), 4, publicSubnet.cidr(),
                true, publicSubnet.gateway(), List.of(new AllocationPool(publicSubnet.poolStart(), publicSubnet.poolEnd())),
                null, null, false, null, null, null));
        var asDemo = new NetworkCaller("kumo", demo, true);
        Network priv = network.networks().create(asDemo, new NetworkRequest("private", "", demo, true, false, false,
                null, null, null, null, null, null, null, null));
        Subnet privSubnet = network.subnets().create(asDemo, new SubnetRequest("private_subnet", "", demo, priv.id(), 4,
                PRIVATE_CIDR, false, null, null, null, null, true, null, null, null));
        Router router = network.routers().create(asDemo, new RouterRequest("router1", "", demo, true, true,
                new GatewayRequest(pub.id(), true, null), null, null, null, null));
        network.routerInterfaces().add(asDemo, router.id(), new InterfaceRequest(privSubnet.id(), null));
        try {
            Files.writeString(marker, "public, public_subnet " + publicSubnet.cidr() + ", private, private_subnet "
                    + PRIVATE_CIDR + ", router1\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
        LOG.info("demo networks created: public ({}), private ({}) and router1", publicSubnet.cidr(), PRIVATE_CIDR);
    }
}
