package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v2.0/subnetpools} and subnets allocated from pools. */
class SubnetPoolApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String demo;
    static String admin;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static JsonNode pool(String token, String fields) {
        var r = neutron.post("/subnetpools", token, "{\"subnetpool\": {" + fields + "}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("subnetpool");
    }

    private static TestCloud.Response subnetFrom(String token, String net, String fields) {
        return neutron.post("/subnets", token, "{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 4, "
                + fields + "}}");
    }

    @Test
    void createShowsNeutronsFieldsWithDefaultsListUpdateDelete() {
        JsonNode p = pool(demo, "\"name\": \"p1\", \"prefixes\": [\"10.20.1.0/24\", \"10.20.0.0/24\"]");
        assertThat(p.get("prefixes").toString()).as("compacted").isEqualTo("[\"10.20.0.0/23\"]");
        assertThat(p.get("ip_version").asInt()).isEqualTo(4);
        assertThat(p.get("min_prefixlen").asText()).isEqualTo("8");
        assertThat(p.get("max_prefixlen").asText()).isEqualTo("32");
        assertThat(p.get("default_prefixlen").asText()).isEqualTo("8");
        assertThat(p.get("default_quota").isNull()).isTrue();
        assertThat(p.get("address_scope_id").isNull()).isTrue();
        assertThat(p.get("shared").asBoolean()).isFalse();
        assertThat(p.get("is_default").asBoolean()).isFalse();
        assertThat(p.get("project_id").asText()).isEqualTo(Neutron.projectOf(cloud, demo));
        assertThat(p.has("revision_number") && p.has("created_at") && p.has("tags")).isTrue();
        String id = p.get("id").asText();
        assertThat(neutron.get("/subnetpools?name=p1", demo).json().get("subnetpools")).hasSize(1);
        var updated = neutron.put("/subnetpools/" + id, demo, "{\"subnetpool\": {\"name\": \"p1b\", "
                + "\"prefixes\": [\"10.20.0.0/23\", \"10.30.0.0/24\"], \"default_prefixlen\": 26, \"min_prefixlen\": 20, "
                + "\"default_quota\": 1024, \"address_scope_id\": null}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode u = updated.json().get("subnetpool");
        assertThat(u.get("name").asText()).isEqualTo("p1b");
        assertThat(u.get("prefixes").toString()).isEqualTo("[\"10.20.0.0/23\",\"10.30.0.0/24\"]");
        assertThat(u.get("default_prefixlen").asText()).isEqualTo("26");
        assertThat(u.get("default_quota").asInt()).isEqualTo(1024);
        assertThat(u.get("revision_number").asLong()).isGreaterThan(p.get("revision_number").asLong());
        assertThat(neutron.delete("/subnetpools/" + id, demo).status()).isEqualTo(204);
        assertThat(Neutron.error(neutron.get("/subnetpools/" + id, demo), 404).get("message").asText())
                .isEqualTo("Subnet pool " + id + " could not be found.");
    }

    @Test
    void validationsUseNeutronsWording() {
        assertThat(error(400, "\"prefixes\": []").get("message").asText()).isEqualTo("Empty subnet pool prefix list.");
        assertThat(error(400, "\"prefixes\": [\"10.0.0.0/8\", \"2001:db8::/32\"]").get("message").asText())
                .isEqualTo("Cannot mix IPv4 and IPv6 prefixes in a subnet pool.");
        assertThat(error(400, "\"prefixes\": [\"10.0.0.0/8\"], \"min_prefixlen\": 24, \"max_prefixlen\": 20")
                .get("message").asText()).isEqualTo("Illegal prefix bounds: min_prefixlen=24, max_prefixlen=20.");
        assertThat(error(400, "\"prefixes\": [\"10.0.0.0/8\"], \"ip_version\": 4").get("message").asText())
                .isEqualTo("Attribute 'ip_version' not allowed in POST");
        assertThat(error(404, "\"prefixes\": [\"10.0.0.0/8\"], \"address_scope_id\": \"x\"").get("type").asText())
                .isEqualTo("AddressScopeNotFound");
        assertThat(error(403, "\"prefixes\": [\"10.0.0.0/8\"], \"shared\": true").get("message").asText())
                .isEqualTo("(rule:create_subnetpool:shared) is disallowed by policy.");
        String id = pool(demo, "\"prefixes\": [\"10.40.0.0/16\"]").get("id").asText();
        var shrink = neutron.put("/subnetpools/" + id, demo, "{\"subnetpool\": {\"prefixes\": [\"10.40.0.0/17\"]}}");
        assertThat(Neutron.error(shrink, 400).get("message").asText())
                .isEqualTo("Illegal update to prefixes: Existing prefixes must be a subset of the new prefixes.");
        var shared = neutron.put("/subnetpools/" + id, demo, "{\"subnetpool\": {\"shared\": true}}");
        assertThat(Neutron.error(shared, 400).get("message").asText()).isEqualTo("Cannot update read-only attribute shared");
    }

    private static JsonNode error(int status, String fields) {
        return Neutron.error(neutron.post("/subnetpools", demo, "{\"subnetpool\": {" + fields + "}}"), status);
    }

    @Test
    void subnetsTakeTheNextFreeBlockUntilThePoolIsExhausted() {
        String poolId = pool(demo, "\"prefixes\": [\"10.50.0.0/24\"], \"default_prefixlen\": 26, \"max_prefixlen\": 28")
                .get("id").asText();
        String net = neutron.network(demo, "from-pool");
        var first = subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\"");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode s = first.json().get("subnet");
        assertThat(s.get("cidr").asText()).as("default_prefixlen").isEqualTo("10.50.0.0/26");
        assertThat(s.get("subnetpool_id").asText()).isEqualTo(poolId);
        assertThat(s.get("gateway_ip").asText()).isEqualTo("10.50.0.1");
        assertThat(s.get("allocation_pools").toString()).isEqualTo("[{\"start\":\"10.50.0.2\",\"end\":\"10.50.0.62\"}]");
        var second = subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\", \"prefixlen\": 28");
        assertThat(second.json().at("/subnet/cidr").asText()).isEqualTo("10.50.0.64/28");
        var given = subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\", \"cidr\": \"10.50.0.128/25\"");
        assertThat(given.json().at("/subnet/cidr").asText()).isEqualTo("10.50.0.128/25");
        assertThat(neutron.get("/subnets?subnetpool_id=" + poolId, demo).json().get("subnets")).hasSize(3);
        var third = subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\"");
        JsonNode exhausted = Neutron.error(third, 409);
        assertThat(exhausted.get("type").asText()).isEqualTo("SubnetAllocationError");
        assertThat(exhausted.get("message").asText())
                .isEqualTo("Failed to allocate subnet: Insufficient prefix space to allocate subnet size /26.");
        var taken = subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\", \"cidr\": \"10.50.0.0/28\"");
        assertThat(Neutron.error(taken, 409).get("message").asText())
                .isEqualTo("Failed to allocate subnet: Cannot allocate requested subnet from the available set of prefixes.");
        var outside = subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\", \"cidr\": \"10.51.0.0/28\"");
        assertThat(Neutron.error(outside, 409).get("type").asText()).isEqualTo("SubnetAllocationError");
        JsonNode inUse = Neutron.error(neutron.delete("/subnetpools/" + poolId, demo), 400);
        assertThat(inUse.get("message").asText()).isEqualTo("Unable to delete subnet pool: Subnet pool has existing allocations.");
        assertThat(neutron.delete("/subnets/" + s.get("id").asText(), demo).status()).isEqualTo(204);
        assertThat(subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\"").json().at("/subnet/cidr").asText())
                .as("a freed block is handed out again").isEqualTo("10.50.0.0/26");
    }

    @Test
    void subnetRequestsCheckedAgainstThePool() {
        String poolId = pool(demo, "\"prefixes\": [\"10.60.0.0/16\"], \"min_prefixlen\": 20, \"max_prefixlen\": 28, "
                + "\"default_prefixlen\": 24").get("id").asText();
        String net = neutron.network(demo, "pool-checks");
        String pool = "\"subnetpool_id\": \"" + poolId + "\", ";
        assertThat(Neutron.error(subnetFrom(demo, net, pool + "\"prefixlen\": 29"), 400).get("message").asText())
                .isEqualTo("Unable to allocate subnet with prefix length 29, maximum allowed prefix is 28.");
        assertThat(Neutron.error(subnetFrom(demo, net, pool + "\"prefixlen\": 16"), 400).get("message").asText())
                .isEqualTo("Unable to allocate subnet with prefix length 16, minimum allowed prefix is 20.");
        assertThat(Neutron.error(subnetFrom(demo, net, pool + "\"allocation_pools\": [{\"start\": \"10.60.0.5\", "
                + "\"end\": \"10.60.0.9\"}]"), 400).get("message").asText())
                .isEqualTo("Bad subnets request: allocation_pools allowed only for specific subnet requests.");
        var v6 = neutron.post("/subnets", demo, "{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 6, "
                + pool + "\"prefixlen\": 64}}");
        assertThat(Neutron.error(v6, 400).get("message").asText())
                .isEqualTo("Bad subnets request: Cannot allocate IPv6 subnet from IPv4 subnet pool.");
        assertThat(Neutron.error(subnetFrom(demo, net, "\"subnetpool_id\": \"nope\""), 404).get("type").asText())
                .isEqualTo("SubnetPoolNotFound");
        assertThat(Neutron.error(subnetFrom(demo, net, "\"use_default_subnetpool\": true, " + pool.strip()
                .replaceAll(",$", "")), 400).get("message").asText())
                .isEqualTo("Bad subnets request: subnetpool_id and use_default_subnetpool cannot both be specified.");
        assertThat(subnetFrom(demo, net, pool + "\"prefixlen\": \"26\"").status()).as("prefixlen as text").isEqualTo(201);
        var plain = subnetFrom(demo, net, "\"cidr\": \"192.168.77.0/24\"");
        assertThat(Neutron.error(plain, 400).get("message").asText())
                .isEqualTo("Subnets hosted on the same network must be allocated from the same subnet pool.");
    }

    @Test
    void quotaCountsAddressesOfTheProjectsSubnets() {
        String poolId = pool(demo, "\"prefixes\": [\"10.70.0.0/16\"], \"default_prefixlen\": 24, \"default_quota\": 300")
                .get("id").asText();
        String net = neutron.network(demo, "pool-quota");
        assertThat(subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\"").status()).isEqualTo(201);
        var over = subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\"");
        JsonNode error = Neutron.error(over, 409);
        assertThat(error.get("type").asText()).isEqualTo("SubnetPoolQuotaExceeded");
        assertThat(error.get("message").asText()).isEqualTo("Per-tenant subnet pool prefix quota exceeded.");
        assertThat(subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\", \"prefixlen\": 28").status())
                .as("16 more addresses fit in the 300").isEqualTo(201);
    }

    @Test
    void sharedAndDefaultPoolsAreAdminsAndServeEveryProject() {
        String v4 = pool(admin, "\"name\": \"default-v4\", \"prefixes\": [\"10.90.0.0/16\"], \"default_prefixlen\": 24, "
                + "\"shared\": true, \"is_default\": true").get("id").asText();
        var second = neutron.post("/subnetpools", admin, "{\"subnetpool\": {\"prefixes\": [\"10.91.0.0/16\"], "
                + "\"is_default\": true}}");
        assertThat(Neutron.error(second, 400).get("message").asText()).isEqualTo("Invalid input for operation: A default "
                + "subnetpool for this IP family has already been set. Only one default may exist per IP family.");
        assertThat(neutron.get("/subnetpools/" + v4, demo).status()).as("shared: visible to demo").isEqualTo(200);
        assertThat(Neutron.error(neutron.put("/subnetpools/" + v4, demo, "{\"subnetpool\": {\"name\": \"mine\"}}"), 403)
                .get("message").asText()).isEqualTo("(rule:update_subnetpool) is disallowed by policy.");
        String net = neutron.network(demo, "default-pool");
        var s = subnetFrom(demo, net, "\"use_default_subnetpool\": true");
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        assertThat(s.json().at("/subnet/subnetpool_id").asText()).isEqualTo(v4);
        assertThat(s.json().at("/subnet/cidr").asText()).isEqualTo("10.90.0.0/24");
        var v6 = neutron.post("/subnets", demo, "{\"subnet\": {\"network_id\": \"" + net + "\", \"ip_version\": 6, "
                + "\"use_default_subnetpool\": true}}");
        assertThat(Neutron.error(v6, 400).get("message").asText())
                .isEqualTo("Bad subnets request: No default subnetpool found for IPv6.");
        String other = neutron.otherProjectToken(admin, "pool-other");
        String mine = pool(other, "\"name\": \"private-pool\", \"prefixes\": [\"10.95.0.0/16\"]").get("id").asText();
        assertThat(neutron.get("/subnetpools/" + mine, demo).status()).as("not shared: hidden").isEqualTo(404);
        assertThat(neutron.get("/subnetpools", demo).json().get("subnetpools").toString()).doesNotContain(mine);
        assertThat(neutron.get("/subnetpools?is_default=true", admin).json().get("subnetpools")).hasSize(1);
        var undefaulted = neutron.put("/subnetpools/" + v4, admin, "{\"subnetpool\": {\"is_default\": false}}");
        assertThat(undefaulted.json().at("/subnetpool/is_default").asBoolean()).isFalse();
        assertThat(pool(admin, "\"prefixes\": [\"10.91.0.0/16\"], \"is_default\": true").get("is_default").asBoolean())
                .as("the default moved").isTrue();
    }

    @Test
    void concurrentSubnetsNeverShareABlock() throws Exception {
        String poolId = pool(demo, "\"prefixes\": [\"10.99.0.0/26\"], \"default_prefixlen\": 28").get("id").asText();
        String net = neutron.network(demo, "pool-race");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestCloud.Response>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                results.add(threads.submit(() -> {
                    go.await();
                    return subnetFrom(demo, net, "\"subnetpool_id\": \"" + poolId + "\"");
                }));
            }
            go.countDown();
        }
        Set<String> cidrs = new HashSet<>();
        int exhausted = 0;
        for (Future<TestCloud.Response> f : results) {
            TestCloud.Response r = f.get();
            if (r.status() == 201) {
                cidrs.add(r.json().at("/subnet/cidr").asText());
            } else {
                assertThat(Neutron.error(r, 409).get("type").asText()).isEqualTo("SubnetAllocationError");
                exhausted++;
            }
        }
        assertThat(cidrs).containsExactlyInAnyOrder("10.99.0.0/28", "10.99.0.16/28", "10.99.0.32/28", "10.99.0.48/28");
        assertThat(exhausted).isEqualTo(8);
    }
}
