package dev.kumo.server;

import dev.kumo.spi.compute.ConfigDriveSource;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The config-drive content for the virt driver, bound after the driver is built: the metadata service that
 * produces it is wired later than the drivers. Until it is bound, instances get no config-drive files (and a
 * spawn that asks for a config drive fails with that reason).
 */
final class LateConfigDriveSource implements ConfigDriveSource {
    private final AtomicReference<ConfigDriveSource> target = new AtomicReference<>(id -> Map.of());

    void bind(ConfigDriveSource source) {
        target.set(java.util.Objects.requireNonNull(source, "source"));
    }

    @Override
    public Map<String, byte[]> files(String instanceId) {
        return target.get().files(instanceId);
    }
}
