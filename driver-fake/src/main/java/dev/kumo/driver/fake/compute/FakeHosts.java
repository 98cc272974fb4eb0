package dev.kumo.driver.fake.compute;

import dev.kumo.spi.compute.HostCapabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the fake driver behaves: its hosts, how long each operation takes (to make races visible), and the
 * metadata key whose value, when present on a spawn request, makes that spawn fail with the value as cause.
 */
public record FakeHosts(List<HostCapabilities> hosts, Duration latency) {
    /** Spawns whose metadata carries this key fail with its value: injected failures through the API. */
    public static final String FAIL_SPAWN_KEY = "kumo:fake-fail-spawn";
    /** Snapshots of guests spawned with this metadata key fail with its value (createImage's error path). */
    public static final String FAIL_SNAPSHOT_KEY = "kumo:fake-fail-snapshot";

    public FakeHosts {
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(latency, "latency");
    }

    /** {@code count} identical hosts "compute-1".. in zone "nova": 8 vCPUs, 16 GiB RAM, 200 GiB disk each. */
    public static FakeHosts of(int count, Duration latency) {
        var hosts = new ArrayList<HostCapabilities>();
        for (int i = 1; i <= count; i++) {
            hosts.add(new HostCapabilities("compute-" + i, "fake", "nova", 8, 16384, 200,
                    Set.of("snapshot", "serial-console")));
        }
        return new FakeHosts(hosts, latency);
    }
}
