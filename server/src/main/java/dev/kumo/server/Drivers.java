package dev.kumo.server;

import dev.kumo.driver.fake.compute.FakeHosts;
import dev.kumo.driver.fake.compute.FakeVirtDriver;
import dev.kumo.driver.fake.network.FakeNetworkDriver;
import dev.kumo.driver.linux.LinuxNetworkConfig;
import dev.kumo.driver.linux.LinuxNetworkDriver;
import dev.kumo.server.config.KumoConfig;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.network.NetworkDriver;
import java.time.Duration;

/**
 * The drivers a cloud runs with: the fake ones in emulated mode ({@code drivers.emulated = true}: no root, no
 * QEMU, no kernel networking), the real ones otherwise.
 */
record Drivers(NetworkDriver network, String networkName, VirtDriver virt, String virtName) {

    static Drivers forConfig(KumoConfig config) {
        if (config.emulated()) {
            return emulated();
        }
        // the real drivers (Linux data path, QEMU) are wired here as they land; until then the fakes stand in
        Drivers fakes = emulated();
        var network = new LinuxNetworkConfig(config.stateDir(), config.bridgeMappings(),
                MetadataWiring.socketOf(config.stateDir()), LinuxNetworkConfig.allInOne(config.stateDir()).tenantMtu(),
                LinuxNetworkConfig.FILTER_TABLE);
        return new Drivers(new LinuxNetworkDriver(network), "linux network driver",
                fakes.virt(), fakes.virtName());
    }

    private static Drivers emulated() {
        // two fake hosts, as a small cloud has
        return new Drivers(new FakeNetworkDriver(), "fake network driver",
                new FakeVirtDriver(FakeHosts.of(2, Duration.ZERO)), "fake virt driver");
    }
}
