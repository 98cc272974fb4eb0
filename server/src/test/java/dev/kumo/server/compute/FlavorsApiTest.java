package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FlavorsApiTest {
    static TestCloud cloud;
    static Nova nova;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void defaultFlavorsHaveOpenStacksIdsAndSizes() {
        var flavors = nova.get("/flavors/detail", cloud.demoToken()).json().get("flavors");
        assertThat(flavors).hasSizeGreaterThanOrEqualTo(5);
        var tiny = nova.get("/flavors/1", cloud.demoToken()).json().get("flavor");
        assertThat(tiny.get("name").asText()).isEqualTo("m1.tiny");
        assertThat(tiny.get("ram").asInt()).isEqualTo(512);
        assertThat(tiny.get("disk").asInt()).isEqualTo(1);
        assertThat(tiny.get("vcpus").asInt()).isEqualTo(1);
        assertThat(tiny.get("os-flavor-access:is_public").asBoolean()).isTrue();
        assertThat(nova.get("/flavors/5", cloud.demoToken()).json().at("/flavor/name").asText()).isEqualTo("m1.xlarge");
        var missing = Nova.fault(nova.get("/flavors/99", cloud.demoToken()), 404, "itemNotFound");
        assertThat(missing.get("message").asText()).isEqualTo("Flavor 99 could not be found.");
    }

    @Test
    void onlyAdminsCreateAndDeleteFlavors() {
        String body = "{\"flavor\": {\"name\": \"f.small\", \"ram\": 256, \"vcpus\": 1, \"disk\": 2, \"id\": \"f1\"}}";
        Nova.fault(nova.post("/flavors", cloud.demoToken(), body), 403, "forbidden");
        var created = nova.post("/flavors", cloud.adminToken(), body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().at("/flavor/id").asText()).isEqualTo("f1");
        Nova.fault(nova.post("/flavors", cloud.adminToken(), body), 409, "conflictingRequest");
        assertThat(nova.delete("/flavors/f1", cloud.adminToken()).status()).isEqualTo(202);
        assertThat(nova.get("/flavors/f1", cloud.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void extraSpecsAreSetReadAndDeleted() {
        nova.post("/flavors", cloud.adminToken(), "{\"flavor\": {\"name\": \"spec\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1, \"id\": \"spec\"}}");
        var set = nova.post("/flavors/spec/os-extra_specs", cloud.adminToken(), "{\"extra_specs\": {\"hw:cpu_policy\": \"dedicated\"}}");
        assertThat(set.json().at("/extra_specs/hw:cpu_policy").asText()).isEqualTo("dedicated");
        var one = nova.get("/flavors/spec/os-extra_specs/hw:cpu_policy", cloud.adminToken());
        assertThat(one.json().get("hw:cpu_policy").asText()).isEqualTo("dedicated");
        assertThat(nova.delete("/flavors/spec/os-extra_specs/hw:cpu_policy", cloud.adminToken()).status()).isEqualTo(200);
        assertThat(nova.get("/flavors/spec/os-extra_specs", cloud.adminToken()).json().get("extra_specs")).isEmpty();
    }

    @Test
    void privateFlavorsAreVisibleOnlyToProjectsGivenAccess() {
        nova.post("/flavors", cloud.adminToken(), "{\"flavor\": {\"name\": \"secret\", \"ram\": 64, \"vcpus\": 1, \"disk\": 1, "
                + "\"id\": \"secret\", \"os-flavor-access:is_public\": \"False\"}}");
        assertThat(nova.get("/flavors/secret", cloud.demoToken()).status()).isEqualTo(404);
        String demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        var access = nova.post("/flavors/secret/action", cloud.adminToken(),
                "{\"addTenantAccess\": {\"tenant\": \"" + demoProject + "\"}}");
        assertThat(access.status()).as(access.body()).isEqualTo(200);
        assertThat(access.json().at("/flavor_access/0/tenant_id").asText()).isEqualTo(demoProject);
        assertThat(nova.get("/flavors/secret", cloud.demoToken()).status()).isEqualTo(200);
        assertThat(nova.get("/flavors/secret/os-flavor-access", cloud.adminToken()).json().get("flavor_access")).hasSize(1);
    }

    @Test
    void adminsListPrivateFlavorsOnlyWhenAskingForThem() {
        nova.post("/flavors", cloud.adminToken(), "{\"flavor\": {\"name\": \"hidden\", \"ram\": 64, \"vcpus\": 1, "
                + "\"disk\": 1, \"id\": \"hidden\", \"os-flavor-access:is_public\": \"False\"}}");
        assertThat(names("/flavors/detail")).contains("m1.tiny").doesNotContain("hidden");
        for (String no : new String[] {"f", "false", "no", "0"}) {
            assertThat(names("/flavors/detail?is_public=" + no)).as(no).contains("hidden").doesNotContain("m1.tiny");
        }
        for (String yes : new String[] {"t", "true", "yes", "1"}) {
            assertThat(names("/flavors/detail?is_public=" + yes)).as(yes).contains("m1.tiny").doesNotContain("hidden");
        }
        assertThat(names("/flavors/detail?is_public=none")).contains("m1.tiny", "hidden");
        Nova.fault(nova.get("/flavors?is_public=maybe", cloud.adminToken()), 400, "badRequest");
        // a non-admin's is_public is ignored: public flavors (and shared ones) only
        var demo = nova.get("/flavors?is_public=false", cloud.demoToken()).json().get("flavors");
        assertThat(demo.findValuesAsText("name")).contains("m1.tiny").doesNotContain("hidden");
    }

    @Test
    void privateFlavorAccessStartsEmptyAndIsRemovedAgain() {
        nova.post("/flavors", cloud.adminToken(), "{\"flavor\": {\"name\": \"shared\", \"ram\": 64, \"vcpus\": 1, "
                + "\"disk\": 1, \"id\": \"shared\", \"os-flavor-access:is_public\": false}}");
        assertThat(nova.get("/flavors/shared/os-flavor-access", cloud.adminToken()).json().get("flavor_access")).isEmpty();
        String demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        String add = "{\"addTenantAccess\": {\"tenant\": \"" + demoProject + "\"}}";
        assertThat(nova.post("/flavors/shared/action", cloud.adminToken(), add).status()).isEqualTo(200);
        Nova.fault(nova.post("/flavors/shared/action", cloud.adminToken(), add), 409, "conflictingRequest");
        var removed = nova.post("/flavors/shared/action", cloud.adminToken(),
                "{\"removeTenantAccess\": {\"tenant\": \"" + demoProject + "\"}}");
        assertThat(removed.json().get("flavor_access")).isEmpty();
        assertThat(nova.get("/flavors/shared", cloud.demoToken()).status()).isEqualTo(404);
        Nova.fault(nova.post("/flavors/1/action", cloud.adminToken(), add), 409, "conflictingRequest");
    }

    private static java.util.List<String> names(String path) {
        var r = nova.get(path, cloud.adminToken());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("flavors").findValuesAsText("name");
    }
}
