package dev.kumo.store.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kumo.core.network.store.IpAvailabilityRepository.SubnetUsage;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.Agent;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortBinding;
import dev.kumo.model.network.PortSecurity;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Segment;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.model.network.Subnet;
import dev.kumo.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the agent and IP availability repositories must do on every database (V8's table, V2's counts). */
abstract class AgentAndIpAvailabilityStoreContract {
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

    private static Agent agent(String id, String type, String host, String zone, String description) {
        return new Agent(id, type, "neutron-x", host, "N/A", zone, true, description, T, T.plusSeconds(1), T.plusSeconds(2));
    }

    @Test
    void agentsRoundTripWithNullsInHostThenTypeOrderAndUpdateKeepsCreatedAt() {
        Agent l3 = agent("a1", "L3 agent", "h2", "nova", null);
        Agent dhcp = agent("a2", "DHCP agent", "h2", null, "d");
        Agent other = agent("a3", "Z agent", "h1", null, null);
        write(tx -> List.of(l3, dhcp, other).forEach(tx.agents()::insert));
        assertThat(store.<List<Agent>>read(tx -> tx.agents().list())).containsExactly(other, dhcp, l3);
        Agent changed = new Agent("a1", "L3 agent", "neutron-l3-agent", "h2", "l3_agent", "az2", false, "x",
                T.plusSeconds(99), T.plusSeconds(50), T.plusSeconds(60));
        assertThat(store.<Boolean>write(tx -> tx.agents().update(changed))).isTrue();
        Agent read = store.<Optional<Agent>>read(tx -> tx.agents().find("a1")).orElseThrow();
        assertThat(read.createdAt()).as("created_at is never rewritten").isEqualTo(T);
        assertThat(read).isEqualTo(new Agent("a1", "L3 agent", "neutron-l3-agent", "h2", "l3_agent", "az2", false, "x",
                T, T.plusSeconds(50), T.plusSeconds(60)));
        assertThat(store.<Boolean>write(tx -> tx.agents().delete("a1"))).isTrue();
        assertThat(store.<Boolean>write(tx -> tx.agents().delete("a1"))).isFalse();
        assertThat(store.<Boolean>write(tx -> tx.agents().update(changed))).isFalse();
        assertThat(store.<Optional<Agent>>read(tx -> tx.agents().find("a1"))).isEmpty();
    }

    @Test
    void oneAgentOfATypePerHost() {
        write(tx -> tx.agents().insert(agent("a1", "L3 agent", "h", null, null)));
        assertThatThrownBy(() -> write(tx -> tx.agents().insert(agent("a2", "L3 agent", "h", null, null))))
                .isInstanceOf(CloudException.class);
    }

    private static Network network(String id, String project, String name) {
        return new Network(id, project, name, true, false, false, new Segment("vxlan", null, null), 1450, true,
                ResourceStatus.ACTIVE, List.of("nova"), "", List.of(), new StandardAttributes("", List.of(), 1, T, T));
    }

    private static Subnet subnet(String id, String network, int version, String cidr, List<AllocationPool> pools) {
        return new Subnet(id, "p1", network, "name-" + id, version, cidr, null, false, null, null, List.of(), List.of(),
                pools, null, new StandardAttributes("", List.of(), 1, T, T));
    }

    private static Port port(String id, String network, String mac, List<FixedIp> ips) {
        return new Port(id, "p1", network, "", mac, true, ResourceStatus.DOWN, "", "", ips,
                new PortSecurity(true, List.of(), List.of()), new PortBinding("", "normal", Map.of(), "unbound", Map.of()),
                "", new StandardAttributes("", List.of(), 1, T, T));
    }

    private void twoNetworks() {
        write(tx -> {
            tx.networks().insert(network("n1", "p1", "one"));
            tx.networks().insert(network("n2", "p2", "two"));
            tx.subnets().insert(subnet("s1", "n1", 4, "10.0.0.0/24", List.of(new AllocationPool("10.0.0.2", "10.0.0.9"))));
            tx.subnets().insert(subnet("s2", "n1", 6, "fd00::/64", List.of()));
            tx.ports().insert(port("p1", "n1", "fa:16:3e:00:00:01",
                    List.of(new FixedIp("s1", "10.0.0.2"), new FixedIp("s2", "fd00::2"))));
            tx.ports().insert(port("p2", "n1", "fa:16:3e:00:00:02", List.of(new FixedIp("s1", "10.0.0.3"))));
        });
    }

    @Test
    void usageCountsAllocationsPerSubnetAndKeepsNetworksWithoutSubnets() {
        twoNetworks();
        List<SubnetUsage> rows = store.<List<SubnetUsage>>read(tx -> tx.ipAvailability().usage(Set.of(), Set.of(), Set.of(), Set.of()));
        assertThat(rows).extracting(SubnetUsage::networkId, SubnetUsage::subnetId, SubnetUsage::usedIps)
                .containsExactly(tuple("n1", "s1", 2L),
                        tuple("n1", "s2", 1L),
                        tuple("n2", null, 0L));
        SubnetUsage s1 = rows.getFirst();
        assertThat(s1.pools()).containsExactly(new AllocationPool("10.0.0.2", "10.0.0.9"));
        assertThat(s1.cidr()).isEqualTo("10.0.0.0/24");
        assertThat(s1.ipVersion()).isEqualTo(4);
        assertThat(s1.networkName()).isEqualTo("one");
        assertThat(s1.subnetName()).isEqualTo("name-s1");
        assertThat(rows.getLast().pools()).isEmpty();
    }

    @Test
    void usageFiltersEachWithAnyOfItsValues() {
        twoNetworks();
        assertThat(subnetIds(Set.of("n2"), Set.of(), Set.of(), Set.of())).containsExactly((String) null);
        assertThat(subnetIds(Set.of(), Set.of("one", "nope"), Set.of(), Set.of())).containsExactly("s1", "s2");
        assertThat(subnetIds(Set.of(), Set.of(), Set.of("p2"), Set.of())).hasSize(1);
        assertThat(subnetIds(Set.of(), Set.of(), Set.of(), Set.of(6))).as("n2 has no IPv6 subnet").containsExactly("s2");
        assertThat(subnetIds(Set.of("n1", "n2"), Set.of(), Set.of("p1"), Set.of(4, 6))).containsExactly("s1", "s2");
    }

    private List<String> subnetIds(Set<String> ids, Set<String> names, Set<String> projects, Set<Integer> versions) {
        return store.<List<SubnetUsage>>read(tx -> tx.ipAvailability().usage(ids, names, projects, versions)).stream()
                .map(SubnetUsage::subnetId).toList();
    }
}
