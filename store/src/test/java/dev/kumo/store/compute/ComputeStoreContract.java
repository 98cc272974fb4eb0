package dev.kumo.store.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.keypair.Keypair;
import dev.kumo.core.compute.server.AccessAddresses;
import dev.kumo.core.compute.server.Fault;
import dev.kumo.core.compute.server.NetworkRequest;
import dev.kumo.core.compute.server.Nic;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.server.ServerGroup;
import dev.kumo.core.compute.server.TaskState;
import dev.kumo.core.compute.server.VmState;
import dev.kumo.core.compute.store.ComputeTx;
import dev.kumo.core.compute.store.ServerQuery;
import dev.kumo.core.compute.store.ServerRepository.Usage;
import dev.kumo.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link SqlComputeStore} must do on every database (migrations V7, V9, V10): flavors with extra specs and
 * access, keypairs per user, servers with everything a create stores, the converger's guarded update, usage
 * sums, host services, the three quota levels, server tags, server groups and deleted servers' usage.
 */
abstract class ComputeStoreContract {
    private static final Instant T = Instant.parse("2030-01-02T03:04:05Z");
    private static final Flavor SMALL = new Flavor("f1", "small", 1, 512, 1, 0, 0, 1.0, true, false, "tiny one",
            Map.of("hw:cpu_policy", "shared"));

    private Database database;
    private SqlComputeStore store;

    protected abstract Database openEmptyDatabase() throws Exception;

    protected void releaseDatabase(Database database) {
        database.close();
    }

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
        store = new SqlComputeStore(database);
    }

    @AfterEach
    void release() {
        releaseDatabase(database);
    }

    private <T> T write(Function<ComputeTx, T> work) {
        return store.write(work);
    }

    private <T> T read(Function<ComputeTx, T> work) {
        return store.read(work);
    }

    private static Server server(String id, String project, Instant created, VmState state, String host, Flavor flavor) {
        return new Server(id, project, "u1", "vm-" + id, "a server", flavor, "img-1", "k1", "ssh-ed25519 AAAA k1",
                state, state == VmState.BUILDING ? TaskState.SCHEDULING : null, 1, host, "nova", false,
                Map.of("role", "web"), List.of("default", "web"), List.of(new NetworkRequest("net-1", null, "10.0.0.5")),
                null, List.of(new Nic("port-1", "net-1", "private", "fa:16:3e:00:00:01", List.of("10.0.0.5"), true)),
                "I2Nsb3VkLWNvbmZpZw==", true, "[]", null, "r-1", 0, created, created, null,
                new AccessAddresses("192.0.2.9", null), null);
    }

    @Test
    void flavorsRoundTripWithExtraSpecsAndPrivateAccess() {
        var hidden = new Flavor("f2", "hidden", 2, 2048, 20, 1, 512, 1.5, false, false, null, Map.of());
        write((ComputeTx tx) -> {
            tx.flavors().insert(SMALL);
            tx.flavors().insert(hidden);
            tx.flavors().setAccess("f2", "p1", true);
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.flavors().find("f1"))).contains(SMALL);
        assertThat(read((ComputeTx tx) -> tx.flavors().findByName("hidden"))).contains(hidden);
        assertThat(read((ComputeTx tx) -> tx.flavors().list("p2", false, null))).extracting(Flavor::id).containsExactly("f1");
        assertThat(read((ComputeTx tx) -> tx.flavors().list("p1", false, null))).extracting(Flavor::id).containsExactly("f1", "f2");
        assertThat(read((ComputeTx tx) -> tx.flavors().list(null, true, null))).extracting(Flavor::id).containsExactly("f1", "f2");
        assertThat(read((ComputeTx tx) -> tx.flavors().hasAccess("f2", "p1"))).isTrue();
        assertThat(read((ComputeTx tx) -> tx.flavors().accessList("f2"))).containsExactly("p1");
        write((ComputeTx tx) -> {
            tx.flavors().setAccess("f2", "p1", false);
            tx.flavors().update(new Flavor("f1", "small", 1, 512, 1, 0, 0, 1.0, true, false, "renamed", Map.of()));
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.flavors().accessList("f2"))).isEmpty();
        assertThat(read((ComputeTx tx) -> tx.flavors().find("f1")).orElseThrow().description()).isEqualTo("renamed");
        assertThat(read((ComputeTx tx) -> tx.flavors().find("f1")).orElseThrow().extraSpecs()).isEmpty();
        assertThat(write((ComputeTx tx) -> tx.flavors().delete("f2"))).isTrue();
        assertThat(write((ComputeTx tx) -> tx.flavors().delete("f2"))).isFalse();
    }

    @Test
    void keypairsBelongToTheirUser() {
        var key = new Keypair("u1", "k1", "ssh", "aa:bb", "ssh-ed25519 AAAA k1", T);
        write((ComputeTx tx) -> {
            tx.keypairs().insert(key);
            tx.keypairs().insert(new Keypair("u2", "k1", "ssh", "cc:dd", "ssh-ed25519 BBBB k1", T));
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.keypairs().find("u1", "k1"))).contains(key);
        assertThat(read((ComputeTx tx) -> tx.keypairs().list("u1"))).containsExactly(key);
        assertThat(read((ComputeTx tx) -> tx.keypairs().count("u2"))).isEqualTo(1);
        assertThat(write((ComputeTx tx) -> tx.keypairs().delete("u1", "k1"))).isTrue();
        assertThat(read((ComputeTx tx) -> tx.keypairs().find("u1", "k1"))).isEmpty();
        assertThat(read((ComputeTx tx) -> tx.keypairs().count("u2"))).as("another user's is untouched").isEqualTo(1);
    }

    @Test
    void serversRoundTripAndListNewestFirstWithFiltersAndMarker() {
        Server a = server("a", "p1", T, VmState.ACTIVE, "h1", SMALL);
        Server b = server("b", "p1", T.plusSeconds(1), VmState.BUILDING, null, SMALL);
        Server c = server("c", "p2", T.plusSeconds(2), VmState.ACTIVE, "h2", SMALL);
        write((ComputeTx tx) -> {
            tx.servers().insert(a);
            tx.servers().insert(b);
            tx.servers().insert(c);
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.servers().find("a"))).contains(a);
        assertThat(read((ComputeTx tx) -> tx.servers().list(new ServerQuery(null, null, null, null, null, null, null, 100))))
                .extracting(Server::id).containsExactly("c", "b", "a");
        assertThat(read((ComputeTx tx) -> tx.servers().list(new ServerQuery("p1", null, null, null, null, null, null, 100))))
                .extracting(Server::id).containsExactly("b", "a");
        assertThat(read((ComputeTx tx) -> tx.servers().list(new ServerQuery(null, "active", null, null, "h2", null, null, 100))))
                .extracting(Server::id).containsExactly("c");
        assertThat(read((ComputeTx tx) -> tx.servers().list(new ServerQuery(null, null, null, null, null, null, "c", 1))))
                .extracting(Server::id).as("after the marker, one").containsExactly("b");
        assertThat(read((ComputeTx tx) -> tx.servers().list(new ServerQuery(null, null, null, null, null, T.plusSeconds(2), null, 100))))
                .extracting(Server::id).as("changes-since").containsExactly("c");
        assertThat(read((ComputeTx tx) -> tx.servers().pending())).containsExactly("b");
    }

    @Test
    void theConvergersUpdateOnlyWinsWhenTheTaskIsStillTheExpectedOne() {
        Server b = server("b", "p1", T, VmState.BUILDING, null, SMALL);
        write((ComputeTx tx) -> {
            tx.servers().insert(b);
            return null;
        });
        Server spawned = b.withState(VmState.ACTIVE, null, 1, T.plusSeconds(5));
        assertThat(write((ComputeTx tx) -> tx.servers().updateIfTask(spawned, TaskState.SPAWNING))).isFalse();
        assertThat(write((ComputeTx tx) -> tx.servers().updateIfTask(spawned, TaskState.SCHEDULING))).isTrue();
        Server stored = read((ComputeTx tx) -> tx.servers().find("b")).orElseThrow();
        assertThat(stored.vmState()).isEqualTo(VmState.ACTIVE);
        assertThat(stored.launchedAt()).isEqualTo(T.plusSeconds(5));
        Server failed = stored.withFault(new Fault(500, "No valid host was found.", T.plusSeconds(6)), T.plusSeconds(6));
        write((ComputeTx tx) -> {
            tx.servers().update(failed);
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.servers().find("b")).orElseThrow().fault()).isEqualTo(failed.fault());
        assertThat(write((ComputeTx tx) -> tx.servers().delete("b"))).isTrue();
        assertThat(read((ComputeTx tx) -> tx.servers().find("b"))).isEmpty();
    }

    @Test
    void usageSumsPerProjectAndPerHost() {
        var big = new Flavor("f3", "big", 4, 8192, 40, 0, 0, 1.0, true, false, null, Map.of());
        write((ComputeTx tx) -> {
            tx.servers().insert(server("a", "p1", T, VmState.ACTIVE, "h1", SMALL));
            tx.servers().insert(server("b", "p1", T, VmState.ACTIVE, "h1", big));
            tx.servers().insert(server("c", "p2", T, VmState.ACTIVE, "h2", big));
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.servers().projectUsage("p1"))).isEqualTo(new Usage(2, 5, 8704, 41));
        assertThat(read((ComputeTx tx) -> tx.servers().projectUsage("p3"))).isEqualTo(Usage.NONE);
        assertThat(read((ComputeTx tx) -> tx.servers().hostUsage())).containsEntry("h1", new Usage(2, 5, 8704, 41))
                .containsEntry("h2", new Usage(1, 4, 8192, 40));
    }

    @Test
    void hostServicesKeepHeartbeatsAndAdminState() {
        write((ComputeTx tx) -> {
            tx.hosts().heartbeat("h1", "nova", T);
            tx.hosts().heartbeat("h1", "nova", T.plusSeconds(10));
            tx.hosts().heartbeat("h2", "az2", T);
            return null;
        });
        assertThat(write((ComputeTx tx) -> tx.hosts().setDisabled("h2", true, "maintenance"))).isTrue();
        assertThat(write((ComputeTx tx) -> tx.hosts().setForcedDown("h1", true))).isTrue();
        assertThat(write((ComputeTx tx) -> tx.hosts().setDisabled("nowhere", true, null))).isFalse();
        var services = read((ComputeTx tx) -> tx.hosts().list());
        assertThat(services).hasSize(2);
        var h1 = services.stream().filter(s -> s.host().equals("h1")).findFirst().orElseThrow();
        var h2 = services.stream().filter(s -> s.host().equals("h2")).findFirst().orElseThrow();
        assertThat(h1.lastSeen()).isEqualTo(T.plusSeconds(10));
        assertThat(h1.forcedDown()).isTrue();
        assertThat(h2.disabled()).isTrue();
        assertThat(h2.disabledReason()).isEqualTo("maintenance");
        assertThat(h2.zone()).isEqualTo("az2");
        assertThat(h1.id()).isNotEqualTo(h2.id());
    }

    @Test
    void quotasAtClassProjectAndUserLevel() {
        write((ComputeTx tx) -> {
            tx.quotas().setClass("default", "instances", 20);
            tx.quotas().set("p1", "cores", 8);
            tx.quotas().set("p1", "cores", 16);
            tx.quotas().setUser("p1", "u1", "instances", 2);
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.quotas().classLimits("default"))).containsEntry("instances", 20);
        assertThat(read((ComputeTx tx) -> tx.quotas().overrides("p1"))).isEqualTo(Map.of("cores", 16));
        assertThat(read((ComputeTx tx) -> tx.quotas().userOverrides("p1", "u1"))).isEqualTo(Map.of("instances", 2));
        write((ComputeTx tx) -> {
            tx.quotas().deleteProject("p1");
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.quotas().overrides("p1"))).isEmpty();
        assertThat(read((ComputeTx tx) -> tx.quotas().userOverrides("p1", "u1"))).as("reverting a project reverts its users").isEmpty();
    }

    @Test
    void serverTagsAreSortedAndGoWithTheServer() {
        write((ComputeTx tx) -> {
            tx.servers().insert(server("a", "p1", T, VmState.ACTIVE, "h1", SMALL));
            tx.servers().insert(server("b", "p1", T, VmState.ACTIVE, "h1", SMALL));
            return null;
        });
        assertThat(write((ComputeTx tx) -> tx.tags().add("a", "zeta"))).isTrue();
        assertThat(write((ComputeTx tx) -> tx.tags().add("a", "alpha"))).isTrue();
        assertThat(write((ComputeTx tx) -> tx.tags().add("a", "alpha"))).isFalse();
        write((ComputeTx tx) -> tx.tags().add("b", "beta"));
        assertThat(read((ComputeTx tx) -> tx.tags().of("a"))).containsExactly("alpha", "zeta");
        assertThat(read((ComputeTx tx) -> tx.tags().of(List.of("a", "b")))).containsEntry("a", List.of("alpha", "zeta"))
                .containsEntry("b", List.of("beta"));
        assertThat(write((ComputeTx tx) -> tx.tags().remove("a", "zeta"))).isTrue();
        write((ComputeTx tx) -> {
            tx.tags().removeAll("b");
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.tags().of("b"))).isEmpty();
        assertThat(read((ComputeTx tx) -> tx.tags().of("a"))).containsExactly("alpha");
    }

    @Test
    void serverGroupsListTheirMembersInTheOrderTheServersWereCreated() {
        var g1 = new ServerGroup("g1", "p1", "u1", "web", ServerGroup.ANTI_AFFINITY, 2, T, List.of());
        var g2 = new ServerGroup("g2", "p2", "u2", "db", ServerGroup.AFFINITY, null, T.plusSeconds(1), List.of());
        write((ComputeTx tx) -> {
            tx.serverGroups().insert(g1);
            tx.serverGroups().insert(g2);
            tx.servers().insert(server("s1", "p1", T.plusSeconds(5), VmState.ACTIVE, "h1", SMALL));
            tx.servers().insert(server("s2", "p1", T, VmState.ACTIVE, "h2", SMALL));
            tx.serverGroups().addMember("g1", "s1");
            tx.serverGroups().addMember("g1", "s2");
            return null;
        });
        ServerGroup stored = read((ComputeTx tx) -> tx.serverGroups().find("g1")).orElseThrow();
        assertThat(stored.members()).containsExactly("s2", "s1");
        assertThat(stored.maxPerHost()).isEqualTo(2);
        assertThat(stored.policy()).isEqualTo(ServerGroup.ANTI_AFFINITY);
        assertThat(read((ComputeTx tx) -> tx.serverGroups().find("g2")).orElseThrow().maxPerHost()).isNull();
        assertThat(read((ComputeTx tx) -> tx.serverGroups().list(null, 0, 0))).extracting(ServerGroup::id)
                .containsExactly("g1", "g2");
        assertThat(read((ComputeTx tx) -> tx.serverGroups().list(null, 1, 1))).extracting(ServerGroup::id)
                .containsExactly("g2");
        assertThat(read((ComputeTx tx) -> tx.serverGroups().count("p1"))).isEqualTo(1);
        assertThat(read((ComputeTx tx) -> tx.serverGroups().groupOf("s1"))).map(ServerGroup::id).contains("g1");
        write((ComputeTx tx) -> {
            tx.serverGroups().removeMember("s2");
            return null;
        });
        assertThat(read((ComputeTx tx) -> tx.serverGroups().find("g1")).orElseThrow().members()).containsExactly("s1");
        assertThat(write((ComputeTx tx) -> tx.serverGroups().delete("g1"))).isTrue();
        assertThat(read((ComputeTx tx) -> tx.serverGroups().groupOf("s1"))).as("memberships go with it").isEmpty();
    }

    @Test
    void deletedServersUsageIsKeptOnceAndFoundByPeriod() {
        Server a = server("a", "p1", T, VmState.ACTIVE, "h1", SMALL).withState(VmState.ACTIVE, null, 1, T.plusSeconds(60));
        write((ComputeTx tx) -> {
            tx.terminated().record(a, T.plusSeconds(3600));
            tx.terminated().record(a, T.plusSeconds(7200));
            return null;
        });
        var found = read((ComputeTx tx) -> tx.terminated().overlapping("p1", T, T.plusSeconds(86400)));
        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.terminatedAt()).as("the first record stays").isEqualTo(T.plusSeconds(3600));
            assertThat(t.vcpus()).isEqualTo(1);
            assertThat(t.ramMb()).isEqualTo(512);
            assertThat(t.flavorName()).isEqualTo("small");
        });
        assertThat(read((ComputeTx tx) -> tx.terminated().overlapping("p1", T.plusSeconds(4000), T.plusSeconds(86400))))
                .as("ended before the period").isEmpty();
        assertThat(read((ComputeTx tx) -> tx.terminated().overlapping("p2", T, T.plusSeconds(86400)))).isEmpty();
        assertThat(read((ComputeTx tx) -> tx.terminated().overlapping(null, T, T.plusSeconds(86400)))).hasSize(1);
    }
}
