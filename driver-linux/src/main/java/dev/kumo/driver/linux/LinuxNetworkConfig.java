package dev.kumo.driver.linux;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How the Linux driver is set up on this host.
 *
 * @param stateDir        kumo's state directory; the driver keeps its files under {@code network/}
 * @param bridgeMappings  physical network name to host bridge (e.g. {@code physnet1} to {@code br-ex}); the
 *                        driver creates a missing bridge and brings it up, but never enslaves host NICs to it
 * @param metadataSocket  the unix socket of kumo's metadata service, which every proxy forwards to
 * @param tenantMtu       the MTU of tenant (vxlan/local) networks when a spec does not say (1450: VXLAN-ready)
 * @param filterTable     the name of the root namespace's nftables tables (bridge and inet) holding the security
 *                        groups; one driver per host owns them ({@code kumo-sg}; tests use their own name)
 */
public record LinuxNetworkConfig(Path stateDir, Map<String, String> bridgeMappings, Path metadataSocket,
                                 int tenantMtu, String filterTable) {
    public static final String FILTER_TABLE = "kumo-sg";

    public LinuxNetworkConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        bridgeMappings = Map.copyOf(bridgeMappings);
        Objects.requireNonNull(metadataSocket, "metadataSocket");
        Objects.requireNonNull(filterTable, "filterTable");
    }

    /** The defaults of an all-in-one host: {@code physnet1:br-ex}, {@code <state dir>/run/metadata.sock}, 1450. */
    public static LinuxNetworkConfig allInOne(Path stateDir) {
        return new LinuxNetworkConfig(stateDir, Map.of("physnet1", "br-ex"), stateDir.resolve("run/metadata.sock"), 1450,
                FILTER_TABLE);
    }

    Path networkDir() {
        return stateDir.resolve("network");
    }
}
