package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.agent.AgentHost;
import dev.kumo.core.network.agent.AgentKind;
import dev.kumo.core.network.agent.AgentState;
import dev.kumo.core.network.agent.AgentUpdate;
import dev.kumo.driver.fake.network.FakeNetworkDriver;
import dev.kumo.server.NetworkWiring;
import dev.kumo.spi.network.OperationalStatus;
import dev.kumo.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agents with the fake driver on a real database and a clock the test moves: alive follows the driver's
 * probe, the heartbeat stops when the driver stops being operational, and a start keeps what admins set.
 */
class AgentLivenessTest {
    private static final NetworkCaller ADMIN = new NetworkCaller("admin-user", "admin-project", true);
    private static final AgentHost HOST = new AgentHost("compute-7", Map.of("physnet1", "br-ex"));
    private static final Instant START = Instant.parse("2030-05-06T07:08:09Z");

    private Path dir;
    private Database database;
    private FakeNetworkDriver driver;
    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("kumo-agents");
        database = Database.sqlite(dir.resolve("kumo.db"));
        driver = new FakeNetworkDriver();
    }

    @AfterEach
    void close() throws IOException {
        database.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private NetworkWiring start() {
        return NetworkWiring.create(database, driver, NetworkSettings.defaults(), clock, HOST);
    }

    private AgentState l3(NetworkWiring network) {
        return network.services().agents().show(ADMIN, AgentKind.L3.idOn("compute-7"));
    }

    @Test
    void aliveFollowsTheProbeAndTheHeartbeatStopsWhenTheDriverDoes() {
        NetworkWiring network = start();
        now = START.plus(Duration.ofMinutes(5));
        AgentState alive = l3(network);
        assertThat(alive.alive()).isTrue();
        assertThat(alive.heartbeat()).isEqualTo(now);
        driver.setOperational(OperationalStatus.notOperational("bridge br-ex is missing"));
        now = START.plus(Duration.ofMinutes(9));
        AgentState dead = l3(network);
        assertThat(dead.alive()).isFalse();
        assertThat(dead.heartbeat()).as("the last time it was alive").isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(network.services().agents().list(ADMIN, Map.of("alive", List.of("false")))).hasSize(4);
        driver.setOperational(OperationalStatus.ok("back"));
        assertThat(l3(network).heartbeat()).isEqualTo(now);
    }

    @Test
    void aStartKeepsCreatedAtDescriptionAndAdminStateAndMovesStartedAt() {
        NetworkWiring first = start();
        String id = AgentKind.L3.idOn("compute-7");
        first.services().agents().update(ADMIN, id, new AgentUpdate(false, true, "drained"));
        driver.setOperational(OperationalStatus.notOperational("down for the restart"));
        now = START.plus(Duration.ofHours(1));
        AgentState restarted = l3(start());
        assertThat(restarted.agent().description()).isEqualTo("drained");
        assertThat(restarted.agent().adminStateUp()).isFalse();
        assertThat(restarted.agent().createdAt()).isEqualTo(START);
        assertThat(restarted.agent().startedAt()).isEqualTo(now);
        assertThat(restarted.alive()).isFalse();
        assertThat(restarted.heartbeat()).as("not alive at this start: the stored heartbeat").isEqualTo(START);
        assertThat(restarted.agent().id()).isEqualTo(id);
    }

    @Test
    void theBridgeAgentReportsTheHostsBridgeMappings() {
        AgentState bridge = start().services().agents().show(ADMIN, AgentKind.LINUX_BRIDGE.idOn("compute-7"));
        assertThat(bridge.agent().host()).isEqualTo("compute-7");
        assertThat(bridge.configurations()).containsEntry("bridge_mappings", Map.of("physnet1", "br-ex"))
                .containsEntry("tunnel_types", List.of("vxlan"));
    }
}
