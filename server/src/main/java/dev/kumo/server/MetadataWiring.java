package dev.kumo.server;

import dev.kumo.api.compute.ComputeServices;
import dev.kumo.api.network.NetworkServices;
import dev.kumo.server.metadata.ConfigDriveFiles;
import dev.kumo.server.metadata.InstanceFactsLoader;
import dev.kumo.server.metadata.InstanceLocator;
import dev.kumo.server.metadata.InstancePasswords;
import dev.kumo.server.metadata.MetadataLookup;
import dev.kumo.server.metadata.MetadataService;
import dev.kumo.server.metadata.MetadataSocketServer;
import dev.kumo.spi.compute.ConfigDriveSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata service put together: instance lookup through the network service, facts from the compute and
 * network services, the HTTP server on {@code <state dir>/run/metadata.sock}, and the config drive content.
 */
final class MetadataWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataWiring.class);
    /** Nova's default {@code [api] dhcp_domain}: host names in the metadata are {@code <name>.novalocal}. */
    static final String DHCP_DOMAIN = "novalocal";

    private final MetadataService service;
    private final ConfigDriveSource configDrive;
    private final Path socket;
    private MetadataSocketServer server;
    private String failure;

    private MetadataWiring(MetadataService service, ConfigDriveSource configDrive, Path socket) {
        this.service = service;
        this.configDrive = configDrive;
        this.socket = socket;
    }

    static MetadataWiring create(Path stateDir, NetworkServices network, ComputeServices compute) {
        Objects.requireNonNull(stateDir, "stateDir");
        var facts = new InstanceFactsLoader(compute, network, DHCP_DOMAIN);
        var service = new MetadataService(new InstanceLocator(network), facts, new MetadataLookup(new InstancePasswords(compute.servers().passwords())));
        return new MetadataWiring(service, new ConfigDriveFiles(facts::load), socketOf(stateDir));
    }

    /** Where the proxies of routers and DHCP namespaces send metadata requests. */
    static Path socketOf(Path stateDir) {
        return stateDir.toAbsolutePath().resolve("run").resolve("metadata.sock");
    }

    /** A metadata service that cannot listen must not keep the cloud from starting: it says why in the status. */
    void start() {
        try {
            server = MetadataSocketServer.start(socket, service);
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.warn("metadata service not started: {}", e.getMessage());
        }
    }

    /** The config drive content for the virt driver. */
    ConfigDriveSource configDrive() {
        return configDrive;
    }

    /** The socket the network driver's metadata proxies (haproxy) forward to. */
    Path socket() {
        return socket;
    }

    List<StatusRoutes.Component> status() {
        return List.of(new StatusRoutes.Component("metadata", "service", server != null, server != null
                ? "Nova metadata (OpenStack and EC2 formats) on unix socket " + socket
                : "not listening on " + socket + ": " + failure));
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
