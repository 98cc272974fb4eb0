package dev.kumo.server;

import dev.kumo.driver.fake.compute.FakeHosts;
import dev.kumo.driver.fake.compute.FakeVirtDriver;
import dev.kumo.driver.fake.network.FakeNetworkDriver;
import dev.kumo.driver.linux.LinuxNetworkConfig;
import dev.kumo.driver.linux.LinuxNetworkDriver;
import dev.kumo.driver.qemu.QemuSettings;
import dev.kumo.driver.qemu.QemuVirtDriver;
import dev.kumo.server.config.KumoConfig;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.network.NetworkDriver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The drivers a cloud runs with: the fake ones in emulated mode ({@code drivers.emulated = true}: no root, no
 * QEMU, no kernel networking), the real ones otherwise. {@code configDrives} is where the metadata service,
 * wired later, binds the config-drive content the virt driver writes.
 */
record Drivers(NetworkDriver network, String networkName, VirtDriver virt, String virtName,
               LateConfigDriveSource configDrives) {

    static Drivers forConfig(KumoConfig config) {
        if (config.emulated()) {
            return emulated();
        }
        var network = new LinuxNetworkConfig(config.stateDir(), config.bridgeMappings(),
                MetadataWiring.socketOf(config.stateDir()), LinuxNetworkConfig.allInOne(config.stateDir()).tenantMtu(),
                filterTable(config));
        var configDrives = new LateConfigDriveSource();
        return new Drivers(new LinuxNetworkDriver(network), "linux network driver", qemu(config, configDrives),
                "QEMU driver", configDrives);
    }

    /**
     * The nftables tables of the security groups: one name per state directory, so that a second cloud on the
     * same host (the acceptance test's) does not replace the first one's rules.
     */
    private static String filterTable(KumoConfig config) {
        String dir = config.stateDir().toAbsolutePath().normalize().toString();
        return dir.equals("/var/lib/kumo") ? LinuxNetworkConfig.FILTER_TABLE
                : LinuxNetworkConfig.FILTER_TABLE + "-" + Integer.toHexString(dir.hashCode() & 0xfffff);
    }

    /**
     * Two fake hosts, as a small cloud has; {@code KUMO_EMULATED_HOSTS} asks for more (the compute benchmark's
     * 1,000 servers need 8: each fake host holds 128 one-vCPU servers under the allocation ratio).
     */
    private static Drivers emulated() {
        int hosts = 2;
        String asked = System.getenv("KUMO_EMULATED_HOSTS");
        if (asked != null && asked.matches("[1-9][0-9]{0,2}")) {
            hosts = Integer.parseInt(asked);
        }
        return new Drivers(new FakeNetworkDriver(), "fake network driver",
                new FakeVirtDriver(FakeHosts.of(hosts, Duration.ZERO)), "fake virt driver", new LateConfigDriveSource());
    }

    /** One QEMU host, this machine; the KVM probe boots the built-in guest image when it has been built. */
    private static VirtDriver qemu(KumoConfig config, LateConfigDriveSource configDrives) {
        var probeImage = BuiltinImages.newest(config.stateDir().resolve("cache").resolve("guest")).orElse(null);
        return new QemuVirtDriver(QemuSettings.defaults(config.stateDir(), hostName(), probeImage), configDrives);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
