package dev.kumo.driver.linux;

import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.PortRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The driver's notes of what it plumbed, by full owner id, under {@code network/plumbed/}. Interface names
 * hold only 11 characters of an id, so the inventory cannot be read back from the links alone; these notes
 * survive a restart of kumo (not a reboot, like the rest of the data path).
 */
final class DriverRecords {
    private final Path networks;
    private final Path ports;
    private final Path bridges;
    private final Path routers;
    private final Path floatingIps;

    DriverRecords(Path networkDir) {
        this.networks = networkDir.resolve("plumbed/networks");
        this.ports = networkDir.resolve("plumbed/ports");
        this.bridges = networkDir.resolve("plumbed/created-bridges");
        this.routers = networkDir.resolve("plumbed/routers");
        this.floatingIps = networkDir.resolve("plumbed/floating-ips");
    }

    /** A mapped bridge (such as br-ex) that was missing and that kumo created: a purge deletes it again. */
    void createdBridge(String name) {
        DriverFiles.writeIfChanged(bridges.resolve(name), name + "\n");
    }

    void forgetCreatedBridge(String name) {
        delete(bridges.resolve(name));
    }

    Set<String> createdBridges() {
        return names(bridges);
    }

    void network(String networkId) {
        DriverFiles.writeIfChanged(networks.resolve(networkId), networkId + "\n");
    }

    void port(String portId, String networkId) {
        DriverFiles.writeIfChanged(ports.resolve(portId), networkId + "\n");
    }

    void forgetNetwork(String networkId) {
        delete(networks.resolve(networkId));
    }

    void forgetPort(String portId) {
        delete(ports.resolve(portId));
    }

    void router(String routerId) {
        DriverFiles.writeIfChanged(routers.resolve(routerId), routerId + "\n");
    }

    /** Forgets the router and the floating IPs it carried. */
    void forgetRouter(String routerId) {
        for (String floatingIpId : names(floatingIps)) {
            if (read(floatingIps.resolve(floatingIpId)).split(" ")[0].equals(routerId)) {
                delete(floatingIps.resolve(floatingIpId));
            }
        }
        delete(routers.resolve(routerId));
    }

    Set<String> routerIds() {
        return names(routers);
    }

    /** The whole spec, so that a restarted driver keeps the floating IPs when its routers are re-ensured first. */
    void floatingIp(FloatingIpSpec f) {
        DriverFiles.writeIfChanged(floatingIps.resolve(f.floatingIpId()), String.join(" ", f.routerId(),
                f.externalNetworkId(), f.floatingIpAddress(), f.portId(), f.fixedIpAddress()) + "\n");
    }

    /** The floating IPs noted, as they were last plumbed. */
    List<FloatingIpSpec> floatingIps() {
        List<FloatingIpSpec> specs = new ArrayList<>();
        for (String id : names(floatingIps)) {
            String[] words = read(floatingIps.resolve(id)).split(" ");
            if (words.length == 5) {
                specs.add(new FloatingIpSpec(id, words[0], words[1], words[2], words[3], words[4]));
            }
        }
        return specs;
    }

    void forgetFloatingIp(String floatingIpId) {
        delete(floatingIps.resolve(floatingIpId));
    }

    Set<String> floatingIpIds() {
        return names(floatingIps);
    }

    Set<String> networkIds() {
        return names(networks);
    }

    Set<PortRef> portRefs() {
        Set<PortRef> refs = new HashSet<>();
        for (String portId : names(ports)) {
            try {
                refs.add(new PortRef(portId, Files.readString(ports.resolve(portId)).strip()));
            } catch (IOException e) {
                // deleted meanwhile: not plumbed any more
            }
        }
        return refs;
    }

    /** The file's content, or "" when it was deleted meanwhile. */
    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static Set<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to list " + dir, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to delete " + file, e);
        }
    }
}
