package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

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

/** IPAM never hands out an address twice, however many ports are created at once. */
class IpamConcurrencyApiTest {
    static TestCloud cloud;
    static Neutron neutron;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void fiftyConcurrentPortsOnASlash28Get13DistinctAddressesAnd37Clean409s() throws Exception {
        String demo = cloud.demoToken();
        String net = neutron.network(demo, "small");
        // without DHCP, whose port would take one of the 13 addresses
        neutron.subnet(demo, net, "10.50.0.0/28", "\"enable_dhcp\": false");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestCloud.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net + "\"}}");
                }));
            }
            go.countDown();
        }
        Set<String> addresses = new HashSet<>();
        int conflicts = 0;
        for (Future<TestCloud.Response> f : results) {
            TestCloud.Response r = f.get();
            if (r.status() == 201) {
                addresses.add(r.json().at("/port/fixed_ips/0/ip_address").asText());
            } else {
                var error = Neutron.error(r, 409);
                assertThat(error.get("type").asText()).isEqualTo("IpAddressGenerationFailure");
                assertThat(error.get("message").asText()).isEqualTo("No more IP addresses available on network " + net + ".");
                conflicts++;
            }
        }
        assertThat(addresses).hasSize(13).allMatch(a -> a.startsWith("10.50.0.")).doesNotContain("10.50.0.1", "10.50.0.15");
        assertThat(conflicts).isEqualTo(37);
        assertThat(neutron.get("/ports?network_id=" + net, demo).json().get("ports")).hasSize(13);
    }
}
