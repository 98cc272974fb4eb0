package dev.kumo.store.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.subnetpool.SubnetPoolAttribute;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Segment;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.model.network.Subnet;
import dev.kumo.model.network.SubnetPool;
import dev.kumo.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the subnet pool repository must do on every database (V12's tables and the subnet's pool column). */
abstract class SubnetPoolStoreContract {
    private static final Instant T = Instant.parse("2030-01-02T03:04:05Z");

    private Database database;
    private SqlNetworkStore store;

    protected abstract Database openEmptyDatabase() throws Exception;

    protected void releaseDatabase(Database database) {
        database.close();
    }

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
        store = new SqlNetworkStore(database);
    }

    @AfterEach
    void release() {
        releaseDatabase(database);
    }

    private void write(Consumer<NetworkTx> work) {
        store.write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private static SubnetPool pool(String id, String project, boolean shared, boolean isDefault, Integer quota) {
        return new SubnetPool(id, project, "pool-" + id, 4, List.of("10.0.0.0/16", "10.2.0.0/24"), 8, 30, 24, quota,
                shared, isDefault, null, new StandardAttributes("d", List.of("t1"), 1, T, T));
    }

    private static Subnet subnet(String id, String project, String cidr, String poolId) {
        return new Subnet(id, project, "n", "s", 4, cidr, null, false, null, null, List.of(), List.of(), List.of(),
                poolId, new StandardAttributes("", List.of(), 1, T, T));
    }

    @Test
    void roundTripVisibilityAndDefaults() {
        SubnetPool own = pool("a", "p1", false, false, null);
        SubnetPool shared = pool("b", "p2", true, true, 512);
        write(tx -> {
            tx.subnetPools().insert(own);
            tx.subnetPools().insert(shared);
            tx.subnetPools().insert(pool("c", "p2", false, false, 0));
        });
        assertThat(store.<Optional<SubnetPool>>read(tx -> tx.subnetPools().find("a", Viewer.ALL))).contains(own);
        assertThat(store.<Optional<SubnetPool>>read(tx -> tx.subnetPools().find("b", Viewer.ALL))).contains(shared);
        assertThat(store.<List<SubnetPool>>read(tx -> tx.subnetPools().list(ListQuery.all(), Viewer.project("p1"))))
                .extracting(SubnetPool::id).containsExactlyInAnyOrder("a", "b");
        assertThat(store.<Optional<SubnetPool>>read(tx -> tx.subnetPools().defaultPool(4))).map(SubnetPool::id).contains("b");
        assertThat(store.<Optional<SubnetPool>>read(tx -> tx.subnetPools().defaultPool(6))).isEmpty();
        var defaults = ListQuery.where(SubnetPoolAttribute.IS_DEFAULT, true);
        assertThat(store.<List<SubnetPool>>read(tx -> tx.subnetPools().list(defaults, Viewer.ALL)))
                .extracting(SubnetPool::id).containsExactly("b");
        var noQuota = ListQuery.where(SubnetPoolAttribute.DEFAULT_QUOTA, 0L);
        assertThat(store.<List<SubnetPool>>read(tx -> tx.subnetPools().list(noQuota, Viewer.ALL)))
                .extracting(SubnetPool::id).containsExactly("c");
        assertThatThrownBy(() -> write(tx -> tx.subnetPools().insert(pool("d", "p3", false, true, null))))
                .as("one default per IP version").isInstanceOf(RuntimeException.class);
    }

    @Test
    void allocatedCidrsAreTheSubnetsThatNameThePool() {
        write(tx -> {
            tx.subnetPools().insert(pool("a", "p1", true, false, null));
            tx.networks().insert(new Network("n", "p1", "n", true, false, false, new Segment("vxlan", null, null), 1450,
                    true, ResourceStatus.ACTIVE, List.of("nova"), "", List.of(), new StandardAttributes("", List.of(), 1, T, T)));
            tx.subnets().insert(subnet("s1", "p1", "10.0.1.0/24", "a"));
            tx.subnets().insert(subnet("s2", "p2", "10.0.0.0/24", "a"));
            tx.subnets().insert(subnet("s3", "p1", "192.168.0.0/24", null));
        });
        assertThat(store.<List<String>>read(tx -> tx.subnetPools().allocatedCidrs("a", null)))
                .containsExactly("10.0.0.0/24", "10.0.1.0/24");
        assertThat(store.<List<String>>read(tx -> tx.subnetPools().allocatedCidrs("a", "p1"))).containsExactly("10.0.1.0/24");
        assertThat(store.<Optional<Subnet>>read(tx -> tx.subnets().find("s1", Viewer.ALL)).orElseThrow().subnetpoolId())
                .isEqualTo("a");
        assertThatThrownBy(() -> write(tx -> tx.subnetPools().delete("a"))).as("the key keeps a pool with subnets")
                .isInstanceOf(RuntimeException.class);
        write(tx -> {
            tx.subnets().delete("s1");
            tx.subnets().delete("s2");
            tx.subnetPools().update(pool("a", "p1", true, false, 64).withStandard(new StandardAttributes("d2", List.of(),
                    2, T, T.plusSeconds(1))));
        });
        SubnetPool updated = store.read(tx -> tx.subnetPools().find("a", Viewer.ALL)).orElseThrow();
        assertThat(updated.defaultQuota()).isEqualTo(64);
        assertThat(updated.standard().tags()).isEmpty();
        write(tx -> tx.subnetPools().delete("a"));
        assertThat(store.<Optional<SubnetPool>>read(tx -> tx.subnetPools().find("a", Viewer.ALL))).isEmpty();
    }
}
