package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.securitygroup.SecurityGroupRequest;
import dev.kumo.core.network.securitygroup.SecurityGroupRuleRequest;
import dev.kumo.driver.fake.network.FakeNetworkDriver;
import dev.kumo.server.NetworkWiring;
import dev.kumo.spi.network.SecurityRuleSpec;
import dev.kumo.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security groups reach the fake driver after every change of the group or its rules. */
class SecurityGroupDataPathTest {
    private static final NetworkCaller DEMO = new NetworkCaller("demo-user", "demo-project", false);

    private Path dir;
    private Database database;
    private FakeNetworkDriver driver;
    private NetworkWiring network;

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("kumo-sg");
        database = Database.sqlite(dir.resolve("kumo.db"));
        driver = new FakeNetworkDriver();
        network = NetworkWiring.create(database, driver, NetworkSettings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void close() throws IOException {
        database.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void rulesFollowTheGroupToTheDriverAndADeletedGroupIsRemoved() {
        var defaults = network.services().securityGroups().list(DEMO, ListQuery.all());
        assertThat(driver.securityGroup(defaults.getFirst().id()).orElseThrow().rules()).hasSize(4);
        var web = network.services().securityGroups().create(DEMO, new SecurityGroupRequest("web", null, null, null, List.of()));
        var ssh = network.services().securityGroupRules().create(DEMO, new SecurityGroupRuleRequest(web.id(), "ingress",
                null, "tcp", 22, 22, "0.0.0.0/0", null, null, null));
        assertThat(driver.securityGroup(web.id()).orElseThrow().rules()).extracting(SecurityRuleSpec::protocol)
                .containsExactlyInAnyOrder(null, null, "tcp");
        network.services().securityGroupRules().delete(DEMO, ssh.id());
        assertThat(driver.securityGroup(web.id()).orElseThrow().rules()).hasSize(2);
        network.services().securityGroups().delete(DEMO, web.id());
        assertThat(driver.securityGroup(web.id())).isEmpty();
    }
}
