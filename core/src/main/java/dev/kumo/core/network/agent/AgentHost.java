package dev.kumo.core.network.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The host whose agents this process runs: its name (what Neutron's agents report, the kernel's hostname) and
 * the bridges its physical networks are carried on.
 */
public record AgentHost(String name, Map<String, String> bridgeMappings) {
    public AgentHost {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an agent host needs a name");
        }
        bridgeMappings = Map.copyOf(bridgeMappings);
    }

    /** This machine, named as Python's {@code socket.gethostname()} names it (no DNS lookup when avoidable). */
    public static AgentHost local(Map<String, String> bridgeMappings) {
        return new AgentHost(localName(), bridgeMappings);
    }

    private static String localName() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: fall back to the JDK's lookup
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
