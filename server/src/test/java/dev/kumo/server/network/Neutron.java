package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;

/** Calls to a test cloud's network API, with the assertions every test would repeat. */
final class Neutron {
    final TestCloud cloud;

    Neutron(TestCloud cloud) {
        this.cloud = cloud;
    }

    String url(String path) {
        return cloud.baseUrl() + "/network/v2.0" + path;
    }

    TestCloud.Response get(String path, String token) {
        return cloud.send("GET", url(path), token, null);
    }

    TestCloud.Response post(String path, String token, String body) {
        return cloud.send("POST", url(path), token, body);
    }

    TestCloud.Response put(String path, String token, String body) {
        return cloud.send("PUT", url(path), token, body);
    }

    TestCloud.Response delete(String path, String token) {
        return cloud.send("DELETE", url(path), token, null);
    }

    /** POSTs {@code {"<kind>": {<fields>}}} and returns the created resource. */
    JsonNode create(String kind, String token, String fields) {
        var r = post("/" + kind + "s", token, "{\"" + kind + "\": {" + fields + "}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(kind);
    }

    String network(String token, String name) {
        return create("network", token, "\"name\": \"" + name + "\"").get("id").asText();
    }

    String subnet(String token, String networkId, String cidr) {
        return subnet(token, networkId, cidr, "");
    }

    String subnet(String token, String networkId, String cidr, String extra) {
        int version = cidr.contains(":") ? 6 : 4;
        return create("subnet", token, "\"network_id\": \"" + networkId + "\", \"cidr\": \"" + cidr + "\", \"ip_version\": "
                + version + (extra.isEmpty() ? "" : ", " + extra)).get("id").asText();
    }

    JsonNode port(String token, String networkId, String extra) {
        return create("port", token, "\"network_id\": \"" + networkId + "\"" + (extra.isEmpty() ? "" : ", " + extra));
    }

    /** The NeutronError of a failed call, after checking its status. */
    static JsonNode error(TestCloud.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        JsonNode error = r.json().get("NeutronError");
        assertThat(error).as(r.toString()).isNotNull();
        assertThat(error.get("detail").asText()).isEmpty();
        return error;
    }

    /**
     * A token for a user with the member role on a new project, for tests about what one project may see of
     * another's.
     */
    String otherProjectToken(String admin, String name) {
        return cloud.memberOfNewProject(admin, name);
    }

    static String projectOf(TestCloud cloud, String token) {
        return cloud.send("GET", "/auth/tokens", token, null, "X-Subject-Token", token).json().at("/token/project/id").asText();
    }
}
