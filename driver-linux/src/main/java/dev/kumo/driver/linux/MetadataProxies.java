package dev.kumo.driver.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs one haproxy per router namespace (and per DHCP namespace of a network without a router). */
final class MetadataProxies {
    private final Daemons daemons;
    private final Path root;

    MetadataProxies(Daemons daemons, Path networkDir) {
        this.daemons = daemons;
        this.root = networkDir.resolve("metadata");
    }

    Path dir(String ownerId) {
        return root.resolve(ownerId);
    }

    /** Writes the configuration and (re)starts haproxy in {@code ns} when it changed or is not running. */
    void ensure(String ns, String ownerId, String bindAddress, int port, String ownerHeader, Path socket) {
        Path dir = dir(ownerId);
        Path config = dir.resolve("haproxy.cfg");
        Path pidfile = dir.resolve("haproxy.pid");
        String text = new MetadataProxyConfig(bindAddress, port, ownerHeader, ownerId, socket, pidfile).text();
        try {
            Files.createDirectories(dir);
            boolean same = Files.exists(config) && Files.readString(config).equals(text);
            if (same && daemons.running(pidfile, config.toString()).isPresent()) {
                return;
            }
            daemons.stop(pidfile, config.toString());
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + config, e);
        }
        daemons.start(DeviceLinks.inNamespace(ns, List.of("haproxy", "-f", config.toString())), pidfile,
                config.toString(), "the metadata proxy of " + ownerId);
    }

    void stop(String ownerId) {
        Path dir = dir(ownerId);
        daemons.stop(dir.resolve("haproxy.pid"), dir.resolve("haproxy.cfg").toString());
    }

    void remove(String ownerId) {
        Path dir = dir(ownerId);
        daemons.stop(dir.resolve("haproxy.pid"), dir.resolve("haproxy.cfg").toString());
        DriverFiles.deleteTree(dir);
    }
}
