package dev.kumo.driver.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.NetworkDriverContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The network-driver contract, on the real kernel. Networks get random UUIDs (so do their bridges and
 * namespaces); the physical network maps to a bridge named after the test; the filter tables too.
 */
@Tag("dataplane")
class LinuxNetworkDriverContractTest extends NetworkDriverContract {
    private final String tid = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 5);
    private Path state;
    private LinuxNetworkDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(HostProbe.isRoot(), "needs root (namespaces, links, nftables)");
        assumeTrue(HostProbe.probe().operational(), HostProbe.probe().reason());
        state = Files.createTempDirectory("kumo-contract-" + tid);
        driver = new LinuxNetworkDriver(new LinuxNetworkConfig(state, Map.of("physnet1", "brtestc" + tid),
                state.resolve("run/metadata.sock"), 1450, "kumo-sg-c" + tid));
    }

    @AfterEach
    void tearDown() {
        if (state == null) {
            return;
        }
        HostCommands host = new HostCommands();
        host.run(java.util.List.of("nft", "-f", "-"), SecurityGroupRuleset.removal("kumo-sg-c" + tid, "bridge")
                + SecurityGroupRuleset.removal("kumo-sg-c" + tid, "inet")
                + SecurityGroupRuleset.removal(HostGatewayAddresses.guardTableOf("kumo-sg-c" + tid), "inet"));
        if (host.run("ip", "link", "show", "dev", "brtestc" + tid).succeeded()) {
            host.run("ip", "link", "del", "dev", "brtestc" + tid);
        }
        DriverFiles.deleteTree(state);
    }

    @Override
    protected NetworkDriver driver() {
        return driver;
    }

    @Override
    protected String localHost() {
        return "host1";
    }
}
