package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Version discovery, the extension list clients probe, the catalog entry and the status page. */
class NetworkDiscoveryApiTest {
    static TestCloud cloud;
    static String demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        demo = cloud.demoToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void versionsAndResourcesWithoutAToken() {
        JsonNode versions = cloud.send("GET", cloud.baseUrl() + "/network", null, null).json();
        assertThat(versions.at("/versions/0/id").asText()).isEqualTo("v2.0");
        assertThat(versions.at("/versions/0/status").asText()).isEqualTo("CURRENT");
        assertThat(versions.at("/versions/0/links/0/href").asText()).isEqualTo(cloud.baseUrl() + "/network/v2.0/");
        JsonNode resources = cloud.send("GET", cloud.baseUrl() + "/network/v2.0", null, null).json().get("resources");
        List<String> names = new ArrayList<>();
        resources.forEach(r -> names.add(r.get("name").asText()));
        assertThat(names).contains("network", "subnet", "port");
        assertThat(resources.get(0).at("/links/0/href").asText()).startsWith(cloud.baseUrl() + "/network/v2.0/");
    }

    @Test
    void extensionsListWhatIsImplementedAndEachCanBeShown() {
        var neutron = new Neutron(cloud);
        JsonNode list = neutron.get("/extensions", demo).json().get("extensions");
        List<String> aliases = new ArrayList<>();
        list.forEach(e -> aliases.add(e.get("alias").asText()));
        assertThat(aliases).contains("external-net", "provider", "port-security", "allowed-address-pairs", "binding",
                "quotas", "quota_details", "standard-attr-tag", "standard-attr-description", "project-id", "net-mtu",
                "network_availability_zone", "dns-integration", "pagination", "sorting", "router", "ext-gw-mode",
                "extraroute", "security-group", "stateful-security-group", "agent", "network-ip-availability",
                "subnet_allocation", "default-subnetpools", "floating-ip-port-forwarding");
        assertThat(aliases).as("not implemented yet").doesNotContain("extra_dhcp_opt", "filter-validation",
                "address-scope");
        JsonNode shown = neutron.get("/extensions/provider", demo).json().get("extension");
        assertThat(shown).isEqualTo(list.get(aliases.indexOf("provider")));
        assertThat(shown.has("updated") && shown.has("links") && shown.has("description")).isTrue();
        assertThat(Neutron.error(neutron.get("/extensions/extra_dhcp_opt", demo), 404).get("message").asText())
                .isEqualTo("Extension with alias extra_dhcp_opt does not exist");
    }

    @Test
    void catalogHasTheVersionlessNetworkEndpoint() {
        JsonNode catalog = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/catalog");
        JsonNode network = null;
        for (JsonNode service : catalog) {
            if (service.get("type").asText().equals("network")) {
                network = service;
            }
        }
        assertThat(network).isNotNull();
        assertThat(network.get("name").asText()).isEqualTo("neutron");
        assertThat(network.at("/endpoints/0/url").asText()).isEqualTo(cloud.baseUrl() + "/network");
    }

    @Test
    void rootDocumentAndStatusListTheNetworkServiceAndItsDriver() {
        assertThat(cloud.send("GET", cloud.baseUrl() + "/", null, null).json().at("/kumo/apis/network").asText())
                .endsWith("/network/v2.0");
        JsonNode components = cloud.send("GET", cloud.baseUrl() + "/kumo/status", null, null).json().get("components");
        assertThat(components).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("network-driver");
            assertThat(c.get("up").asBoolean()).isTrue();
            assertThat(c.get("detail").asText()).startsWith("fake network driver");
        });
    }
}
