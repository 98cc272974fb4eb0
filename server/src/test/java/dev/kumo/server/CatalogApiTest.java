package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogApiTest {
    static TestCloud cloud;
    static String admin;
    static String demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = cloud.adminToken();
        demo = cloud.demoToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    // ---- regions

    @Test
    void regionCreatedWithoutIdGetsOneAndShowsAllFields() {
        var r = cloud.post("/regions", admin, "{\"region\": {\"description\": \"west\", \"zone\": \"a\"}}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode region = r.json().get("region");
        assertThat(region.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(region.get("description").asText()).isEqualTo("west");
        assertThat(region.get("parent_region_id").isNull()).isTrue();
        assertThat(region.get("zone").asText()).isEqualTo("a");
        assertThat(region.at("/links/self").asText()).isEqualTo(cloud.v3() + "/regions/" + region.get("id").asText());
        assertThat(cloud.get("/regions/" + region.get("id").asText(), admin).json().get("region")).isEqualTo(region);
    }

    @Test
    void regionIdCanBeChosenWithPostOrPut() {
        String posted = unique("post");
        var byPost = cloud.post("/regions", admin, "{\"region\": {\"id\": \"" + posted + "\"}}");
        assertThat(byPost.status()).isEqualTo(201);
        assertThat(byPost.json().at("/region/id").asText()).isEqualTo(posted);
        assertThat(byPost.json().at("/region/description").asText()).isEmpty();
        String put = unique("put");
        var byPut = cloud.send("PUT", "/regions/" + put, admin, "{\"region\": {\"description\": \"d\"}}");
        assertThat(byPut.status()).isEqualTo(201);
        assertThat(byPut.json().at("/region/id").asText()).isEqualTo(put);
        var again = cloud.send("PUT", "/regions/" + put, admin, "{\"region\": {}}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/error/message").asText()).contains("Duplicate ID, " + put);
        var conflicting = cloud.send("PUT", "/regions/" + unique("x"), admin, "{\"region\": {\"id\": \"other\"}}");
        assertThat(conflicting.status()).isEqualTo(400);
        assertThat(conflicting.json().at("/error/message").asText()).startsWith("Conflicting region IDs specified");
    }

    @Test
    void regionParentMustExistAndListsFilterByIt() {
        String parent = region(null);
        String child = region(parent);
        region(null);
        var missing = cloud.post("/regions", admin, "{\"region\": {\"parent_region_id\": \"nowhere\"}}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("Could not find region: nowhere.");
        var list = cloud.get("/regions?parent_region_id=" + parent, admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("regions").findValuesAsText("id")).containsExactly(child);
        assertThat(list.json().at("/links/self").asText()).endsWith("/regions?parent_region_id=" + parent);
        assertThat(cloud.get("/regions", admin).json().get("regions").findValuesAsText("id")).contains(parent, child, "RegionOne");
    }

    @Test
    void regionUpdateChangesDescriptionAndParentButRefusesCycles() {
        String a = region(null);
        String b = region(a);
        String c = region(b);
        var moved = cloud.send("PATCH", "/regions/" + b, admin, "{\"region\": {\"description\": \"new\", \"parent_region_id\": null}}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().at("/region/description").asText()).isEqualTo("new");
        assertThat(moved.json().at("/region/parent_region_id").isNull()).isTrue();
        var cycle = cloud.send("PATCH", "/regions/" + b, admin, "{\"region\": {\"parent_region_id\": \"" + c + "\"}}");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().at("/error/message").asText())
                .isEqualTo("The specified parent region " + c + " would create a circular region hierarchy.");
        var self = cloud.send("PATCH", "/regions/" + a, admin, "{\"region\": {\"parent_region_id\": \"" + a + "\"}}");
        assertThat(self.status()).isEqualTo(400);
        assertThat(cloud.send("PATCH", "/regions/" + a, admin, "{\"region\": {}}").status()).isEqualTo(400);
        assertThat(cloud.send("PATCH", "/regions/" + a, admin, "{\"region\": {\"id\": \"zzz\"}}").status()).isEqualTo(400);
        var unknownParent = cloud.send("PATCH", "/regions/" + a, admin, "{\"region\": {\"parent_region_id\": \"nope\"}}");
        assertThat(unknownParent.status()).isEqualTo(404);
        assertThat(cloud.send("PATCH", "/regions/nope", admin, "{\"region\": {\"description\": \"x\"}}").status()).isEqualTo(404);
    }

    @Test
    void deletingARegionDeletesItsSubtreeUnlessAnEndpointUsesIt() {
        String root = region(null);
        String child = region(root);
        String grandchild = region(child);
        String service = service(unique("type"), "svc");
        String endpoint = endpoint(service, "public", "http://h:1/", grandchild);
        var refused = cloud.send("DELETE", "/regions/" + root, admin, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error/message").asText()).isEqualTo("Unable to delete region " + root
                + " because it or its child regions have associated endpoints.");
        assertThat(cloud.send("DELETE", "/endpoints/" + endpoint, admin, null).status()).isEqualTo(204);
        assertThat(cloud.send("DELETE", "/regions/" + root, admin, null).status()).isEqualTo(204);
        for (String id : new String[] {root, child, grandchild}) {
            assertThat(cloud.get("/regions/" + id, admin).status()).isEqualTo(404);
        }
        assertThat(cloud.send("DELETE", "/regions/" + root, admin, null).status()).isEqualTo(404);
    }

    @Test
    void anyoneWithATokenReadsRegionsButOnlyAdminsWriteThem() {
        String id = region(null);
        assertThat(cloud.get("/regions", demo).status()).isEqualTo(200);
        assertThat(cloud.get("/regions/" + id, demo).status()).isEqualTo(200);
        assertThat(cloud.get("/regions", null).status()).isEqualTo(401);
        var create = cloud.post("/regions", demo, "{\"region\": {}}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().at("/error/message").asText()).contains("identity:create_region");
        assertThat(cloud.send("PUT", "/regions/" + unique("d"), demo, "{\"region\": {}}").status()).isEqualTo(403);
        assertThat(cloud.send("PATCH", "/regions/" + id, demo, "{\"region\": {\"description\": \"x\"}}").status()).isEqualTo(403);
        assertThat(cloud.send("DELETE", "/regions/" + id, demo, null).status()).isEqualTo(403);
    }

    // ---- services

    @Test
    void serviceCrudWithFilters() {
        String type = unique("type");
        var created = cloud.post("/services", admin,
                "{\"service\": {\"type\": \"" + type + "\", \"name\": \"svc-a\", \"description\": \"A\"}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode service = created.json().get("service");
        String id = service.get("id").asText();
        assertThat(service.get("enabled").asBoolean()).isTrue();
        assertThat(service.get("description").asText()).isEqualTo("A");
        assertThat(service.at("/links/self").asText()).isEqualTo(cloud.v3() + "/services/" + id);
        var bare = cloud.post("/services", admin, "{\"service\": {\"type\": \"" + type + "\"}}").json().get("service");
        assertThat(bare.get("name").asText()).isEmpty();
        assertThat(bare.has("description")).isFalse();

        assertThat(cloud.get("/services?type=" + type, admin).json().get("services")).hasSize(2);
        assertThat(cloud.get("/services?type=" + type + "&name=svc-a", admin).json().get("services").findValuesAsText("id"))
                .containsExactly(id);
        assertThat(cloud.get("/services", admin).json().get("services").findValuesAsText("type")).contains("identity", type);

        var updated = cloud.send("PATCH", "/services/" + id, admin, "{\"service\": {\"description\": \"B\", \"enabled\": false}}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/service/description").asText()).isEqualTo("B");
        assertThat(updated.json().at("/service/enabled").asBoolean()).isFalse();
        assertThat(updated.json().at("/service/name").asText()).isEqualTo("svc-a");
        assertThat(cloud.get("/services/" + id, admin).json().get("service")).isEqualTo(updated.json().get("service"));
    }

    @Test
    void serviceValidationErrors() {
        var noType = cloud.post("/services", admin, "{\"service\": {\"name\": \"x\"}}");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.json().at("/error/message").asText()).isEqualTo("'type' is a required property.");
        var badEnabled = cloud.post("/services", admin, "{\"service\": {\"type\": \"t\", \"enabled\": \"True\"}}");
        assertThat(badEnabled.status()).isEqualTo(400);
        assertThat(badEnabled.json().at("/error/message").asText()).contains("'enabled'").contains("boolean");
        assertThat(cloud.post("/services", admin, "{\"service\": {\"type\": \"t\", \"name\": \"\"}}").status()).isEqualTo(400);
        assertThat(cloud.post("/services", admin, "{}").status()).isEqualTo(400);
        String id = service(unique("type"), "v");
        assertThat(cloud.send("PATCH", "/services/" + id, admin, "{\"service\": {}}").status()).isEqualTo(400);
        assertThat(cloud.send("PATCH", "/services/" + id, admin, "{\"service\": {\"id\": \"other\"}}").status()).isEqualTo(400);
        var missing = cloud.get("/services/nope", admin);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("Could not find service: nope.");
        assertThat(cloud.send("PATCH", "/services/nope", admin, "{\"service\": {\"name\": \"n\"}}").status()).isEqualTo(404);
        assertThat(cloud.send("DELETE", "/services/nope", admin, null).status()).isEqualTo(404);
    }

    @Test
    void deletingAServiceDeletesItsEndpoints() {
        String id = service(unique("type"), "doomed");
        String e1 = endpoint(id, "public", "http://doomed:1/", "RegionOne");
        String e2 = endpoint(id, "internal", "http://doomed:2/", null);
        assertThat(cloud.send("DELETE", "/services/" + id, admin, null).status()).isEqualTo(204);
        assertThat(cloud.get("/services/" + id, admin).status()).isEqualTo(404);
        assertThat(cloud.get("/endpoints/" + e1, admin).status()).isEqualTo(404);
        assertThat(cloud.get("/endpoints/" + e2, admin).status()).isEqualTo(404);
    }

    @Test
    void servicesAndEndpointsAreForAdminsOnly() {
        String id = service(unique("type"), "guarded");
        for (String path : new String[] {"/services", "/services/" + id, "/endpoints"}) {
            var r = cloud.get(path, demo);
            assertThat(r.status()).as(path).isEqualTo(403);
        }
        assertThat(cloud.post("/services", demo, "{\"service\": {\"type\": \"x\"}}").json().at("/error/message").asText())
                .contains("identity:create_service");
        assertThat(cloud.send("PATCH", "/services/" + id, demo, "{\"service\": {\"name\": \"n\"}}").status()).isEqualTo(403);
        assertThat(cloud.send("DELETE", "/services/" + id, demo, null).status()).isEqualTo(403);
        String e = endpoint(id, "public", "http://guarded/", null);
        assertThat(cloud.get("/endpoints/" + e, demo).status()).isEqualTo(403);
        var create = cloud.post("/endpoints", demo, endpointBody(id, "public", "http://x/", null));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().at("/error/message").asText()).contains("identity:create_endpoint");
        assertThat(cloud.send("PATCH", "/endpoints/" + e, demo, "{\"endpoint\": {\"url\": \"http://y/\"}}").status()).isEqualTo(403);
        assertThat(cloud.send("DELETE", "/endpoints/" + e, demo, null).status()).isEqualTo(403);
    }

    // ---- endpoints

    @Test
    void endpointCrudAndFilters() {
        String service = service(unique("type"), "ep");
        String region = region(null);
        var created = cloud.post("/endpoints", admin, endpointBody(service, "public", "http://ep:8080/v1", region));
        assertThat(created.status()).isEqualTo(201);
        JsonNode e = created.json().get("endpoint");
        String id = e.get("id").asText();
        assertThat(e.get("service_id").asText()).isEqualTo(service);
        assertThat(e.get("interface").asText()).isEqualTo("public");
        assertThat(e.get("url").asText()).isEqualTo("http://ep:8080/v1");
        assertThat(e.get("region_id").asText()).isEqualTo(region);
        assertThat(e.get("region").asText()).isEqualTo(region);
        assertThat(e.get("enabled").asBoolean()).isTrue();
        assertThat(e.at("/links/self").asText()).isEqualTo(cloud.v3() + "/endpoints/" + id);
        String internal = endpoint(service, "internal", "http://ep:8081/v1", null);

        assertThat(ids("/endpoints?service_id=" + service)).containsExactlyInAnyOrder(id, internal);
        assertThat(ids("/endpoints?service_id=" + service + "&interface=internal")).containsExactly(internal);
        assertThat(ids("/endpoints?region_id=" + region)).containsExactly(id);
        assertThat(ids("/endpoints")).contains(id, internal);
        assertThat(cloud.get("/endpoints/" + id, admin).json().get("endpoint")).isEqualTo(e);

        assertThat(cloud.send("DELETE", "/endpoints/" + id, admin, null).status()).isEqualTo(204);
        assertThat(cloud.get("/endpoints/" + id, admin).status()).isEqualTo(404);
        var again = cloud.send("DELETE", "/endpoints/" + id, admin, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().at("/error/message").asText()).isEqualTo("Could not find endpoint: " + id + ".");
    }

    @Test
    void legacyRegionAttributeCreatesTheRegionOnCreateAndUpdate() {
        String service = service(unique("type"), "legacy");
        String other = service(unique("type"), "legacy2");
        String first = unique("region");
        var created = cloud.post("/endpoints", admin, "{\"endpoint\": {\"service_id\": \"" + service
                + "\", \"interface\": \"public\", \"url\": \"http://l/\", \"region\": \"" + first + "\", \"enabled\": true}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/endpoint/region").asText()).isEqualTo(first);
        assertThat(cloud.get("/regions/" + first, admin).status()).isEqualTo(200);
        String second = unique("region");
        var updated = cloud.send("PATCH", "/endpoints/" + created.json().at("/endpoint/id").asText(), admin,
                "{\"endpoint\": {\"service_id\": \"" + other + "\", \"interface\": \"internal\", \"url\": \"http://m/\", "
                        + "\"region\": \"" + second + "\", \"enabled\": false}}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode e = updated.json().get("endpoint");
        assertThat(e.get("service_id").asText()).isEqualTo(other);
        assertThat(e.get("interface").asText()).isEqualTo("internal");
        assertThat(e.get("url").asText()).isEqualTo("http://m/");
        assertThat(e.get("region").asText()).isEqualTo(second);
        assertThat(e.get("enabled").asBoolean()).isFalse();
        assertThat(cloud.get("/regions/" + second, admin).status()).isEqualTo(200);
    }

    @Test
    void endpointValidationErrors() {
        String service = service(unique("type"), "val");
        assertError(cloud.post("/endpoints", admin, endpointBody(service, "private", "http://x/", null)), 400,
                "Invalid input for field 'interface': 'private' is not one of ['admin', 'internal', 'public'].");
        assertError(cloud.post("/endpoints", admin, endpointBody(service, "public", "not a url", null)), 400,
                "Invalid input for field 'url'");
        assertError(cloud.post("/endpoints", admin, endpointBody(service, "public", "http://x/%(bogus)s", null)), 400,
                "Cannot create an endpoint with an invalid URL");
        assertError(cloud.post("/endpoints", admin, endpointBody(service, "public", "http://x/", "no-such-region")), 400,
                "Expecting to find endpoint region_id in region table");
        assertError(cloud.post("/endpoints", admin, endpointBody("no-such-service", "public", "http://x/", null)), 400,
                "Expecting to find endpoint service_id in service table");
        assertError(cloud.post("/endpoints", admin, "{\"endpoint\": {\"interface\": \"public\", \"url\": \"http://x/\"}}"),
                400, "'service_id' is a required property.");
        assertError(cloud.post("/endpoints", admin, "{\"endpoint\": {\"service_id\": \"" + service + "\", \"url\": \"http://x/\"}}"),
                400, "'interface' is a required property.");
        assertError(cloud.post("/endpoints", admin, "{\"endpoint\": {\"service_id\": \"" + service
                + "\", \"interface\": \"public\", \"url\": \"http://x/\", \"enabled\": \"False\"}}"), 400, "'enabled'");
        String id = endpoint(service, "public", "http://ok/", null);
        assertError(cloud.send("PATCH", "/endpoints/" + id, admin, "{\"endpoint\": {\"enabled\": \"True\"}}"), 400, "'enabled'");
        assertError(cloud.send("PATCH", "/endpoints/" + id, admin, "{\"endpoint\": {}}"), 400, "at least one attribute");
        assertError(cloud.send("PATCH", "/endpoints/" + id, admin, "{\"endpoint\": {\"service_id\": \"gone\"}}"), 400,
                "service_id");
        assertError(cloud.send("PATCH", "/endpoints/nope", admin, "{\"endpoint\": {\"url\": \"http://a/\"}}"), 404,
                "Could not find endpoint: nope.");
    }

    // ---- the catalog in tokens

    @Test
    void catalogChangesShowInNewTokensWithUrlSubstitution() {
        String type = unique("volume");
        String service = service(type, "cinder-like");
        endpoint(service, "public", "http://vol:8776/v3/$(project_id)s", "RegionOne");
        endpoint(service, "internal", "http://vol:8776/v3/%(tenant_id)s/%%done", "RegionOne");
        String hidden = endpoint(service, "admin", "http://vol:9999/", "RegionOne");
        cloud.send("PATCH", "/endpoints/" + hidden, admin, "{\"endpoint\": {\"enabled\": false}}");

        var token = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().get("token");
        String project = token.at("/project/id").asText();
        JsonNode entry = catalogEntry(token.get("catalog"), type);
        assertThat(entry.get("name").asText()).isEqualTo("cinder-like");
        assertThat(entry.get("endpoints").findValuesAsText("url")).containsExactlyInAnyOrder(
                "http://vol:8776/v3/" + project, "http://vol:8776/v3/" + project + "/%done");
        assertThat(entry.get("endpoints").findValuesAsText("region_id")).containsOnly("RegionOne");
        var authCatalog = cloud.get("/auth/catalog", cloud.demoToken()).json().get("catalog");
        assertThat(catalogEntry(authCatalog, type).get("endpoints")).hasSize(2);

        cloud.send("PATCH", "/services/" + service, admin, "{\"service\": {\"enabled\": false}}");
        var after = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/catalog");
        assertThat(after.findValuesAsText("type")).doesNotContain(type).contains("identity");
    }

    @Test
    void bootstrapRestoresTheIdentityEndpointsAtStart() {
        String identity = cloud.get("/services?type=identity", admin).json().at("/services/0/id").asText();
        var endpoints = cloud.get("/endpoints?service_id=" + identity + "&interface=public", admin).json().get("endpoints");
        String id = endpoints.get(0).get("id").asText();
        String url = endpoints.get(0).get("url").asText();
        assertThat(cloud.send("PATCH", "/endpoints/" + id, admin, "{\"endpoint\": {\"url\": \"http://wrong:1/\"}}").status())
                .isEqualTo(200);
        cloud.restart();
        admin = cloud.adminToken();
        demo = cloud.demoToken();
        assertThat(cloud.get("/endpoints/" + id, admin).json().at("/endpoint/url").asText()).isEqualTo(url);
    }

    // ---- helpers

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String region(String parent) {
        String body = parent == null ? "{\"region\": {}}" : "{\"region\": {\"parent_region_id\": \"" + parent + "\"}}";
        var r = cloud.post("/regions", admin, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/region/id").asText();
    }

    private static String service(String type, String name) {
        var r = cloud.post("/services", admin, "{\"service\": {\"type\": \"" + type + "\", \"name\": \"" + name + "\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/service/id").asText();
    }

    private static String endpointBody(String service, String iface, String url, String region) {
        return "{\"endpoint\": {\"service_id\": \"" + service + "\", \"interface\": \"" + iface + "\", \"url\": \"" + url
                + "\"" + (region == null ? "" : ", \"region_id\": \"" + region + "\"") + "}}";
    }

    private static String endpoint(String service, String iface, String url, String region) {
        var r = cloud.post("/endpoints", admin, endpointBody(service, iface, url, region));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/endpoint/id").asText();
    }

    private static java.util.List<String> ids(String path) {
        var r = cloud.get(path, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("endpoints").findValuesAsText("id");
    }

    private static JsonNode catalogEntry(JsonNode catalog, String type) {
        for (JsonNode entry : catalog) {
            if (entry.get("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in " + catalog);
    }

    private static void assertError(TestCloud.Response r, int status, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().at("/error/message").asText()).as(r.toString()).contains(message);
        assertThat(r.json().at("/error/code").asInt()).isEqualTo(status);
    }
}
