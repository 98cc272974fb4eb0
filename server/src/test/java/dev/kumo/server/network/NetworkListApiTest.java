package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filters, fields, sorting, pagination and tag filters, as Neutron's list API has them. */
class NetworkListApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String demo;
    static String admin;
    static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        demo = cloud.demoToken();
        admin = cloud.adminToken();
        for (String name : List.of("alpha", "bravo", "charlie", "delta", "echo")) {
            ids.add(neutron.create("network", demo, "\"name\": \"" + name + "\", \"description\": \"list\", \"tags\": "
                    + (name.equals("alpha") || name.equals("bravo") ? "[\"red\", \"blue\"]" : "[\"red\"]")).get("id").asText());
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static List<String> names(String query) {
        var r = neutron.get("/networks?description=list" + query, demo);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.json().get("networks").forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    @Test
    void filtersOnAnyAttributeRepeatedValuesAreAlternatives() {
        assertThat(names("&name=bravo")).containsExactly("bravo");
        assertThat(names("&name=bravo&name=delta&sort_key=name&sort_dir=asc")).containsExactly("bravo", "delta");
        assertThat(names("&shared=false")).hasSize(5);
        assertThat(names("&shared=true")).isEmpty();
        assertThat(names("&router:external=False")).hasSize(5);
        assertThat(names("&name=")).as("empty values filter nothing").hasSize(5);
        assertThat(names("&no_such_attribute=1")).as("unknown filters are ignored").hasSize(5);
        assertThat(Neutron.error(neutron.get("/networks?shared=perhaps", demo), 400).get("message").asText())
                .isEqualTo("Invalid input for shared. Reason: 'perhaps' cannot be converted to boolean.");
    }

    @Test
    void fieldsSelectWhatComesBack() {
        JsonNode n = neutron.get("/networks?description=list&fields=id&fields=name", demo).json().at("/networks/0");
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "name");
        JsonNode shown = neutron.get("/networks/" + ids.getFirst() + "?fields=mtu", demo).json().get("network");
        assertThat(shown.size()).isEqualTo(1);
        assertThat(shown.get("mtu").asInt()).isEqualTo(1450);
    }

    @Test
    void sortingAscendingDescendingAndInvalidKeys() {
        assertThat(names("&sort_key=name&sort_dir=desc")).containsExactly("echo", "delta", "charlie", "bravo", "alpha");
        assertThat(names("&sort_key=name&sort_dir=asc")).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
        assertThat(Neutron.error(neutron.get("/networks?sort_key=colour&sort_dir=asc", demo), 400).get("message").asText())
                .isEqualTo("['colour'] is invalid attribute for sort_keys");
        assertThat(Neutron.error(neutron.get("/networks?sort_key=name&sort_dir=up", demo), 400).get("message").asText())
                .isEqualTo("['up'] is invalid value for sort_dirs, valid value is 'asc' and 'desc'");
        assertThat(neutron.get("/networks?sort_key=provider:segmentation_id&sort_dir=asc", demo).status())
                .as("admin-only attributes are no sort keys for others").isEqualTo(400);
        assertThat(neutron.get("/networks?sort_key=provider:segmentation_id&sort_dir=asc", admin).status()).isEqualTo(200);
    }

    @Test
    void paginationWithMarkersAndLinks() {
        var first = neutron.get("/networks?description=list&sort_key=name&sort_dir=asc&limit=2", demo).json();
        assertThat(first.get("networks")).extracting(n -> n.get("name").asText()).containsExactly("alpha", "bravo");
        JsonNode links = first.get("networks_links");
        assertThat(links).extracting(l -> l.get("rel").asText()).containsExactly("next", "previous");
        String next = links.get(0).get("href").asText();
        assertThat(next).startsWith(cloud.baseUrl() + "/network/v2.0/networks?").contains("limit=2")
                .contains("marker=" + ids.get(1));
        var second = cloud.send("GET", next, demo, null).json();
        assertThat(second.get("networks")).extracting(n -> n.get("name").asText()).containsExactly("charlie", "delta");
        var third = cloud.send("GET", second.at("/networks_links/0/href").asText(), demo, null).json();
        assertThat(third.get("networks")).extracting(n -> n.get("name").asText()).containsExactly("echo");
        assertThat(third.get("networks_links")).extracting(l -> l.get("rel").asText()).containsExactly("previous");
        var back = cloud.send("GET", third.at("/networks_links/0/href").asText(), demo, null).json();
        assertThat(back.get("networks")).as("page_reverse from echo").extracting(n -> n.get("name").asText())
                .containsExactly("charlie", "delta");
        assertThat(names("")).hasSize(5);
        assertThat(neutron.get("/networks?description=list", demo).json().has("networks_links")).isFalse();
        assertThat(Neutron.error(neutron.get("/networks?limit=2&marker=no-such-network", demo), 404).get("type").asText())
                .isEqualTo("NetworkNotFound");
        assertThat(Neutron.error(neutron.get("/networks?limit=x", demo), 400).get("message").asText())
                .isEqualTo("Bad limit request: Limit must be an integer 0 or greater and not 'x'.");
    }

    @Test
    void descendingPagesFollowTheSortToo() {
        var page = neutron.get("/networks?description=list&sort_key=name&sort_dir=desc&limit=3", demo).json();
        assertThat(page.get("networks")).extracting(n -> n.get("name").asText()).containsExactly("echo", "delta", "charlie");
        var next = cloud.send("GET", page.at("/networks_links/0/href").asText(), demo, null).json();
        assertThat(next.get("networks")).extracting(n -> n.get("name").asText()).containsExactly("bravo", "alpha");
    }

    @Test
    void tagFilters() {
        assertThat(names("&tags=red,blue&sort_key=name&sort_dir=asc")).containsExactly("alpha", "bravo");
        assertThat(names("&tags-any=blue,green")).hasSize(2);
        assertThat(names("&not-tags=red,blue")).hasSize(3);
        assertThat(names("&not-tags-any=blue")).containsExactlyInAnyOrder("charlie", "delta", "echo");
        assertThat(names("&tags=red&tags=blue")).as("repeated tags mean all of them").hasSize(2);
    }

    @Test
    void portFiltersOnFixedIpsAndDevice() {
        String net = neutron.network(demo, "ports");
        String subnet = neutron.subnet(demo, net, "10.40.0.0/24");
        JsonNode a = neutron.port(demo, net, "\"device_id\": \"vm-a\", \"fixed_ips\": [{\"ip_address\": \"10.40.0.11\"}]");
        JsonNode b = neutron.port(demo, net, "\"device_id\": \"vm-b\", \"fixed_ips\": [{\"ip_address\": \"10.40.0.21\"}]");
        assertThat(neutron.get("/ports?fixed_ips=ip_address%3D10.40.0.11", demo).json().get("ports"))
                .extracting(p -> p.get("id").asText()).containsExactly(a.get("id").asText());
        assertThat(neutron.get("/ports?fixed_ips=subnet_id%3D" + subnet, demo).json().get("ports"))
                .extracting(p -> p.get("device_id").asText()).as("the two and the network's DHCP port")
                .hasSize(3).contains("vm-a", "vm-b").anyMatch(id -> id.startsWith("dhcp") && id.endsWith("-" + net));
        assertThat(neutron.get("/ports?fixed_ips=ip_address_substr%3D40.0.21", demo).json().get("ports"))
                .extracting(p -> p.get("id").asText()).containsExactly(b.get("id").asText());
        assertThat(neutron.get("/ports?device_id=vm-a&device_id=vm-b", demo).json().get("ports")).hasSize(2);
        assertThat(neutron.get("/ports?network_id=" + net + "&mac_address=" + a.get("mac_address").asText(), demo)
                .json().get("ports")).hasSize(1);
    }
}
