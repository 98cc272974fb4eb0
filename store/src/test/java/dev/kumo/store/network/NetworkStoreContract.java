package dev.kumo.store.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.IpRange;
import dev.kumo.core.network.network.NetworkAttribute;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.Filter;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.PageRequest;
import dev.kumo.core.network.query.SortKey;
import dev.kumo.core.network.query.TagFilter;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.AddressPair;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.HostRoute;
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
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link SqlNetworkStore} must do on every database: round trips, visibility, filters, byte-wise
 * sorting and keyset pages, segment and address allocation queries, and the constraints that back IPAM.
 */
abstract class NetworkStoreContract {
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

    private <T> T write(Function<NetworkTx, T> work) {
        return store.write(work);
    }

    private static Network network(String id, String project, String name, boolean shared, boolean external,
                                   Segment segment, List<String> tags) {
        return new Network(id, project, name, true, shared, external, segment, 1450, true, ResourceStatus.ACTIVE,
                List.of("nova"), "", List.of(), new StandardAttributes("d-" + name, tags, 1, T, T));
    }

    private static Network network(String id, String project, String name) {
        return network(id, project, name, false, false, new Segment("vxlan", null, null), List.of());
    }

    private static Subnet subnet(String id, String network, String cidr, String gateway) {
        return new Subnet(id, "p1", network, "s", 4, cidr, gateway, true, null, null, List.of("8.8.8.8"),
                List.of(new HostRoute("10.9.0.0/24", "10.0.0.1")), List.of(new AllocationPool("10.0.0.2", "10.0.0.254")),
                null, new StandardAttributes("", List.of(), 1, T, T));
    }

    private static Port port(String id, String network, String mac, List<FixedIp> ips) {
        return new Port(id, "p1", network, "port-" + id, mac, true, ResourceStatus.DOWN, "dev", "compute:nova", ips,
                new PortSecurity(true, List.of("sg-b", "sg-a"), List.of(new AddressPair("10.0.0.0/24", mac))),
                new PortBinding("host-1", "normal", Map.of("k", "v"), "unbound", Map.of()), "vm",
                new StandardAttributes("", List.of("t"), 1, T, T));
    }

    @Test
    void networksRoundTripWithNullSegmentFieldsAndTags() {
        Network n = network("n1", "p1", "one", false, true, new Segment("flat", "physnet1", null), List.of("b", "a"));
        write(tx -> {
            tx.networks().insert(n);
            return null;
        });
        Network read = store.read(tx -> tx.networks().find("n1", Viewer.ALL)).orElseThrow();
        assertThat(read).isEqualTo(n.withStandard(n.standard().withTags(List.of("a", "b"))));
        assertThat(read.segment().segmentationId()).isNull();
    }

    @Test
    void visibilityOwnSharedAndExternal() {
        write(tx -> {
            tx.networks().insert(network("own", "p1", "own"));
            tx.networks().insert(network("other", "p2", "other"));
            tx.networks().insert(network("shared", "p2", "shared", true, false, new Segment("local", null, null), List.of()));
            tx.networks().insert(network("ext", "p2", "ext", false, true, new Segment("local", null, null), List.of()));
            return null;
        });
        List<String> seen = store.read(tx -> tx.networks().list(ListQuery.all(), Viewer.project("p1")))
                .stream().map(Network::id).toList();
        assertThat(seen).containsExactlyInAnyOrder("own", "shared", "ext");
        assertThat(store.<Optional<Network>>read(tx -> tx.networks().find("other", Viewer.project("p1")))).isEmpty();
        assertThat(store.<List<Network>>read(tx -> tx.networks().list(ListQuery.all(), Viewer.ALL))).hasSize(4);
    }

    @Test
    void filtersTagsSortingAndKeysetPages() {
        write(tx -> {
            int i = 0;
            for (String name : List.of("b", "B", "a", "A", "c")) {
                tx.networks().insert(network("id-" + i++, "p1", name, false, false, new Segment("vxlan", null, i),
                        name.equals("a") || name.equals("c") ? List.of("x") : List.of()));
            }
            return null;
        });
        var byName = List.of(new SortKey<>(NetworkAttribute.NAME, true));
        assertThat(names(new ListQuery<>(List.of(), TagFilter.NONE, byName, PageRequest.ALL)))
                .as("byte-wise, as on every database").containsExactly("A", "B", "a", "b", "c");
        var page1 = new ListQuery<>(List.of(), TagFilter.NONE, byName, new PageRequest(2, null, false));
        assertThat(names(page1)).containsExactly("A", "B");
        String markerOfB = store.read(tx -> tx.networks().list(page1, Viewer.ALL)).getLast().id();
        assertThat(names(new ListQuery<>(List.of(), TagFilter.NONE, byName, new PageRequest(2, markerOfB, false))))
                .containsExactly("a", "b");
        assertThat(names(new ListQuery<>(List.of(), TagFilter.NONE, byName, new PageRequest(2, markerOfB, true))))
                .containsExactly("A");
        var filtered = new ListQuery<>(List.of(new Filter<>(NetworkAttribute.NAME, List.of("a", "c")),
                new Filter<>(NetworkAttribute.SHARED, List.of(false)), new Filter<>(NetworkAttribute.SEGMENTATION_ID,
                List.of(3L, 5L))), TagFilter.NONE, byName, PageRequest.ALL);
        assertThat(names(filtered)).containsExactly("a", "c");
        var tagged = new ListQuery<NetworkAttribute>(List.of(), new TagFilter(List.of("x"), List.of(), List.of(), List.of()),
                byName, PageRequest.ALL);
        assertThat(names(tagged)).containsExactly("a", "c");
        var untagged = new ListQuery<NetworkAttribute>(List.of(), new TagFilter(List.of(), List.of(), List.of(), List.of("x")),
                byName, PageRequest.ALL);
        assertThat(names(untagged)).containsExactly("A", "B", "b");
        assertThatThrownBy(() -> names(new ListQuery<>(List.of(), TagFilter.NONE, byName, new PageRequest(2, "gone", false))))
                .isInstanceOf(CloudException.class).hasMessage("Network gone could not be found.");
    }

    private List<String> names(ListQuery<NetworkAttribute> query) {
        return store.read(tx -> tx.networks().list(query, Viewer.ALL)).stream().map(Network::name).toList();
    }

    @Test
    void segmentAllocationFindsTheLowestGapAndEnforcesUniqueness() {
        assertThat(store.<OptionalInt>read(tx -> tx.networks().freeSegmentationId("vxlan", 1, 3))).isEqualTo(OptionalInt.of(1));
        write(tx -> {
            tx.networks().insert(network("a", "p", "a", false, false, new Segment("vxlan", null, 1), List.of()));
            tx.networks().insert(network("b", "p", "b", false, false, new Segment("vxlan", null, 3), List.of()));
            tx.networks().insert(network("f", "p", "f", false, false, new Segment("flat", "physnet1", null), List.of()));
            return null;
        });
        assertThat(store.<OptionalInt>read(tx -> tx.networks().freeSegmentationId("vxlan", 1, 3))).isEqualTo(OptionalInt.of(2));
        write(tx -> {
            tx.networks().insert(network("c", "p", "c", false, false, new Segment("vxlan", null, 2), List.of()));
            return null;
        });
        assertThat(store.<OptionalInt>read(tx -> tx.networks().freeSegmentationId("vxlan", 1, 3))).isEmpty();
        assertThat(store.<Boolean>read(tx -> tx.networks().segmentInUse("vxlan", null, 2))).isTrue();
        assertThat(store.<Boolean>read(tx -> tx.networks().segmentInUse("flat", "physnet1", null))).isTrue();
        assertThat(store.<Boolean>read(tx -> tx.networks().segmentInUse("flat", "physnet2", null))).isFalse();
        assertThatThrownBy(() -> write(tx -> {
            tx.networks().insert(network("dup", "p", "dup", false, false, new Segment("vxlan", null, 2), List.of()));
            return null;
        })).isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.error().status()).isEqualTo(409));
    }

    @Test
    void statusUpdatesAreRevisionsOnlyWhenSomethingChanged() {
        write(tx -> {
            tx.networks().insert(network("n", "p", "n"));
            return null;
        });
        assertThat(store.<Boolean>write(tx -> tx.networks().updateStatus("n", ResourceStatus.ACTIVE, T))).isFalse();
        assertThat(store.<Boolean>write(tx -> tx.networks().updateStatus("n", ResourceStatus.DOWN, T.plusSeconds(5)))).isTrue();
        Network read = store.read(tx -> tx.networks().find("n", Viewer.ALL)).orElseThrow();
        assertThat(read.status()).isEqualTo(ResourceStatus.DOWN);
        assertThat(read.standard().revisionNumber()).isEqualTo(2);
        assertThat(read.standard().updatedAt()).isEqualTo(T.plusSeconds(5));
    }

    @Test
    void subnetsPortsAndAllocationsRoundTrip() {
        Subnet s = subnet("s1", "n", "10.0.0.0/24", null);
        Port p = port("p1", "n", "fa:16:3e:00:00:01", List.of(new FixedIp("s1", "10.0.0.2"), new FixedIp("s1", "10.0.0.4")));
        write(tx -> {
            tx.networks().insert(network("n", "p1", "n"));
            tx.subnets().insert(s);
            tx.ports().insert(p);
            return null;
        });
        assertThat(store.<Optional<Subnet>>read(tx -> tx.subnets().find("s1", Viewer.ALL))).contains(s);
        Port read = store.read(tx -> tx.ports().find("p1", Viewer.ALL)).orElseThrow();
        assertThat(read).isEqualTo(p);
        assertThat(store.<Optional<Network>>read(tx -> tx.networks().find("n", Viewer.ALL)).orElseThrow().subnetIds()).containsExactly("s1");
        assertThat(store.<List<Port>>read(tx -> tx.ports().onSubnet("s1"))).extracting(Port::id).containsExactly("p1");
        assertThat(store.<Boolean>read(tx -> tx.ports().macInUse("n", "fa:16:3e:00:00:01"))).isTrue();
        IpRange pool = new IpRange(IpAddress.parse("10.0.0.2"), IpAddress.parse("10.0.0.6"));
        assertThat(store.<Optional<IpAddress>>read(tx -> tx.allocations().lowestFree("s1", pool, Set.of()))).contains(IpAddress.parse("10.0.0.3"));
        assertThat(store.<Optional<IpAddress>>read(tx -> tx.allocations().lowestFree("s1", pool, Set.of(IpAddress.parse("10.0.0.3")))))
                .contains(IpAddress.parse("10.0.0.5"));
        assertThat(store.<Optional<String>>read(tx -> tx.allocations().holder("s1", IpAddress.parse("10.0.0.4")))).contains("p1");
        var substring = ListQuery.where(PortAttribute.FIXED_IP_SUBSTRING, "0.0.4");
        assertThat(store.<List<Port>>read(tx -> tx.ports().list(substring, Viewer.ALL))).hasSize(1);
        var wildcard = ListQuery.where(PortAttribute.FIXED_IP_SUBSTRING, "%");
        assertThat(store.<List<Port>>read(tx -> tx.ports().list(wildcard, Viewer.ALL))).as("% is a character, not a wildcard").isEmpty();
        var group = ListQuery.where(PortAttribute.SECURITY_GROUP, "sg-a");
        assertThat(store.<List<Port>>read(tx -> tx.ports().list(group, Viewer.ALL))).hasSize(1);
    }

    @Test
    void anAddressCannotBeAllocatedTwiceOnASubnet() {
        write(tx -> {
            tx.networks().insert(network("n", "p1", "n"));
            tx.subnets().insert(subnet("s1", "n", "10.0.0.0/24", "10.0.0.1"));
            tx.ports().insert(port("p1", "n", "fa:16:3e:00:00:01", List.of(new FixedIp("s1", "10.0.0.2"))));
            return null;
        });
        assertThatThrownBy(() -> write(tx -> {
            tx.ports().insert(port("p2", "n", "fa:16:3e:00:00:02", List.of(new FixedIp("s1", "10.0.0.2"))));
            return null;
        })).isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.error().status()).isEqualTo(409));
        assertThat(store.<Optional<Port>>read(tx -> tx.ports().find("p2", Viewer.ALL))).as("all or nothing").isEmpty();
    }

    @Test
    void portVisibilityIncludesPortsOnTheViewersNetworks() {
        write(tx -> {
            tx.networks().insert(network("mine", "p1", "mine"));
            tx.ports().insert(new Port("theirs-on-mine", "p2", "mine", "", "fa:16:3e:00:00:09", true, ResourceStatus.DOWN,
                    "", "", List.of(), new PortSecurity(true, List.of(), List.of()),
                    new PortBinding("", "normal", Map.of(), "unbound", Map.of()), "",
                    new StandardAttributes("", List.of(), 1, T, T)));
            return null;
        });
        assertThat(store.<Optional<Port>>read(tx -> tx.ports().find("theirs-on-mine", Viewer.project("p1")))).isPresent();
        assertThat(store.<Optional<Port>>read(tx -> tx.ports().find("theirs-on-mine", Viewer.project("p3")))).isEmpty();
    }

    @Test
    void quotaOverrides() {
        write(tx -> {
            tx.quotas().set("p1", "network", 5);
            tx.quotas().set("p1", "network", 6);
            tx.quotas().set("p2", "port", 0);
            return null;
        });
        assertThat(store.<Map<String, Integer>>read(tx -> tx.quotas().overrides("p1"))).isEqualTo(Map.of("network", 6));
        assertThat(store.<Map<String, Map<String, Integer>>>read(tx -> tx.quotas().allOverrides())).containsOnlyKeys("p1", "p2");
        write(tx -> {
            tx.quotas().clear("p1");
            return null;
        });
        assertThat(store.<Map<String, Integer>>read(tx -> tx.quotas().overrides("p1"))).isEmpty();
    }
}
