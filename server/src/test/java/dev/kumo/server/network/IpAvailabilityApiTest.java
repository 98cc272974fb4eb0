package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Network IP availability: pool sizes and allocation counts per subnet and network, filters, admin only. */
class IpAvailabilityApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String admin;
    static String net;
    static String v4;
    static String v6;
    static String empty;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
        net = neutron.network(admin, "ipa-net");
        v4 = neutron.subnet(admin, net, "10.77.0.0/24", "\"name\": \"ipa-v4\", \"enable_dhcp\": false, "
                + "\"allocation_pools\": [{\"start\": \"10.77.0.10\", \"end\": \"10.77.0.20\"}, "
                + "{\"start\": \"10.77.0.100\", \"end\": \"10.77.0.103\"}]");
        v6 = neutron.subnet(admin, net, "fd77::/64", "\"name\": \"ipa-v6\", \"enable_dhcp\": false");
        for (int i = 0; i < 3; i++) {
            neutron.port(admin, net, "\"fixed_ips\": [{\"subnet_id\": \"" + v4 + "\"}]");
        }
        // outside the pools, as an admin may place it: used, though not part of the total (Neutron's counting)
        neutron.port(admin, net, "\"fixed_ips\": [{\"subnet_id\": \"" + v4 + "\", \"ip_address\": \"10.77.0.200\"}]");
        empty = neutron.network(admin, "ipa-empty");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static JsonNode list(String query) {
        var r = neutron.get("/network-ip-availabilities" + query, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("network_ip_availabilities");
    }

    static List<String> networkIds(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("network_id").asText()));
        return out;
    }

    @Test
    void totalsArePoolSizesAndUsedCountsAllocatedAddresses() {
        JsonNode n = neutron.get("/network-ip-availabilities/" + net, admin).json().get("network_ip_availability");
        assertThat(n.get("network_name").asText()).isEqualTo("ipa-net");
        assertThat(n.get("project_id").asText()).isEqualTo(n.get("tenant_id").asText()).isNotEmpty();
        JsonNode subnets = n.get("subnet_ip_availability");
        assertThat(subnets).hasSize(2);
        JsonNode four = subnets.get(v4.compareTo(v6) < 0 ? 0 : 1);
        assertThat(four.get("subnet_id").asText()).isEqualTo(v4);
        assertThat(four.get("subnet_name").asText()).isEqualTo("ipa-v4");
        assertThat(four.get("cidr").asText()).isEqualTo("10.77.0.0/24");
        assertThat(four.get("ip_version").asInt()).isEqualTo(4);
        assertThat(four.get("total_ips").asLong()).isEqualTo(11 + 4);
        assertThat(four.get("used_ips").asLong()).isEqualTo(4);
        JsonNode six = subnets.get(v4.compareTo(v6) < 0 ? 1 : 0);
        JsonNode pools = neutron.get("/subnets/" + v6, admin).json().at("/subnet/allocation_pools");
        BigInteger poolSize = BigInteger.ZERO;
        for (JsonNode p : pools) {
            poolSize = poolSize.add(new BigInteger(1, addr(p.get("end").asText()))
                    .subtract(new BigInteger(1, addr(p.get("start").asText()))).add(BigInteger.ONE));
        }
        assertThat(six.get("total_ips").bigIntegerValue()).as("beyond a long").isEqualTo(poolSize)
                .isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(six.get("used_ips").asLong()).isZero();
        assertThat(n.get("total_ips").bigIntegerValue()).isEqualTo(poolSize.add(BigInteger.valueOf(15)));
        assertThat(n.get("used_ips").asLong()).isEqualTo(4);
    }

    @Test
    void aNetworkWithoutSubnetsHasNothingAndIpVersionLeavesItOut() {
        JsonNode all = list("?network_id=" + net + "&network_id=" + empty);
        assertThat(networkIds(all)).containsExactlyInAnyOrder(net, empty);
        JsonNode none = list("?network_id=" + empty).get(0);
        assertThat(none.get("total_ips").asLong()).isZero();
        assertThat(none.get("used_ips").asLong()).isZero();
        assertThat(none.get("subnet_ip_availability")).isEmpty();
        JsonNode v4Only = list("?ip_version=4&network_id=" + net + "&network_id=" + empty);
        assertThat(networkIds(v4Only)).containsExactly(net);
        assertThat(v4Only.get(0).get("subnet_ip_availability")).hasSize(1);
        assertThat(v4Only.get(0).get("total_ips").asLong()).isEqualTo(15);
    }

    @Test
    void filtersByNameAndProjectAndFields() {
        assertThat(networkIds(list("?network_name=ipa-empty"))).containsExactly(empty);
        String project = Neutron.projectOf(cloud, admin);
        assertThat(networkIds(list("?project_id=" + project))).contains(net, empty);
        assertThat(list("?project_id=no-such-project")).isEmpty();
        JsonNode narrow = list("?network_name=ipa-net&fields=network_id&fields=used_ips").get(0);
        List<String> names = new ArrayList<>();
        narrow.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("network_id", "used_ips");
        assertThat(Neutron.error(neutron.get("/network-ip-availabilities?ip_version=four", admin), 400)
                .get("type").asText()).isEqualTo("HTTPBadRequest");
    }

    @Test
    void onlyAdminsSeeItAndUnknownNetworksAreNotFound() {
        String demo = cloud.demoToken();
        var demoList = neutron.get("/network-ip-availabilities", demo);
        assertThat(demoList.status()).isEqualTo(200);
        assertThat(demoList.json().get("network_ip_availabilities")).isEmpty();
        assertThat(Neutron.error(neutron.get("/network-ip-availabilities/" + net, demo), 404).get("type").asText())
                .isEqualTo("NetworkNotFound");
        assertThat(Neutron.error(neutron.get("/network-ip-availabilities/no-such-net", admin), 404)
                .get("message").asText()).isEqualTo("Network no-such-net could not be found.");
    }

    private static byte[] addr(String text) {
        try {
            return java.net.InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
