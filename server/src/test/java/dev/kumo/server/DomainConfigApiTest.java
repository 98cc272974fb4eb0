package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.model.identity.DomainConfigOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DomainConfigApiTest {
    private static final String CONFIG = "{\"config\": {\"identity\": {\"driver\": \"ldap\"}, \"ldap\": "
            + "{\"url\": \"ldap://myldap.com:389/\", \"user_tree_dn\": \"ou=Users,dc=my_new_root,dc=org\"}}}";

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

    @Test
    void defaultsListEveryWhitelistedOption() {
        JsonNode all = cloud.get("/domains/config/default", admin).json().get("config");
        assertThat(all.at("/identity/driver").asText()).isEqualTo("sql");
        assertThat(all.get("identity").has("list_limit")).isTrue();
        assertThat(all.at("/ldap/url").asText()).isEqualTo("ldap://localhost");
        assertThat(all.at("/ldap/pool_size").asInt()).isEqualTo(10);
        assertThat(all.get("ldap").has("password")).as("sensitive options have no shown default").isFalse();
        assertThat(cloud.get("/domains/config/ldap/default", admin).json().get("config").fieldNames())
                .toIterable().containsExactly("ldap");
        assertThat(cloud.get("/domains/config/identity/driver/default", admin).json().get("config").toString())
                .isEqualTo("{\"driver\":\"sql\"}");
        assertError(cloud.get("/domains/config/ldap/password/default", admin), 403,
                "Reading the default for option password in group ldap is not supported");
        assertError(cloud.get("/domains/config/assignment/default", admin), 403, "Group assignment is not supported");
        assertError(cloud.get("/domains/config/default", demo), 403, "identity:get_domain_config_default");
    }

    @Test
    void putCreatesThenReplacesAndGetShowsWholeGroupOrOption() {
        String domain = domain();
        var created = cloud.send("PUT", "/domains/" + domain + "/config", admin, CONFIG);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json()).isEqualTo(json(CONFIG));
        assertThat(cloud.get("/domains/" + domain + "/config", admin).json()).isEqualTo(json(CONFIG));
        assertThat(cloud.get("/domains/" + domain + "/config/ldap", admin).json().toString())
                .isEqualTo("{\"config\":{\"ldap\":{\"url\":\"ldap://myldap.com:389/\","
                        + "\"user_tree_dn\":\"ou=Users,dc=my_new_root,dc=org\"}}}");
        assertThat(cloud.get("/domains/" + domain + "/config/identity/driver", admin).json().toString())
                .isEqualTo("{\"config\":{\"driver\":\"ldap\"}}");

        var replaced = cloud.send("PUT", "/domains/" + domain + "/config", admin,
                "{\"config\": {\"identity\": {\"driver\": \"sql\", \"list_limit\": 50}}}");
        assertThat(replaced.status()).as("replacing answers 200").isEqualTo(200);
        assertThat(replaced.json().toString()).isEqualTo("{\"config\":{\"identity\":{\"driver\":\"sql\",\"list_limit\":50}}}");
        assertError(cloud.get("/domains/" + domain + "/config/ldap", admin), 404,
                "Could not find group ldap in domain configuration for domain " + domain + ".");
    }

    @Test
    void patchMergesAndGroupOrOptionPathsChangeOnlyThat() {
        String domain = domain();
        cloud.send("PUT", "/domains/" + domain + "/config", admin, CONFIG);
        var group = cloud.send("PATCH", "/domains/" + domain + "/config/identity", admin,
                "{\"config\": {\"identity\": {\"driver\": \"d2\", \"list_limit\": 7}}}");
        assertThat(group.status()).as(group.toString()).isEqualTo(200);
        assertThat(group.json().at("/config/identity/driver").asText()).isEqualTo("d2");
        assertThat(group.json().at("/config/identity/list_limit").asInt()).isEqualTo(7);
        assertThat(group.json().at("/config/ldap/url").asText()).as("the whole config comes back").isEqualTo("ldap://myldap.com:389/");

        var option = cloud.send("PATCH", "/domains/" + domain + "/config/identity/driver", admin, "{\"config\": {\"driver\": \"d3\"}}");
        assertThat(option.status()).as(option.toString()).isEqualTo(200);
        assertThat(option.json().at("/config/identity/driver").asText()).isEqualTo("d3");

        var whole = cloud.send("PATCH", "/domains/" + domain + "/config", admin, "{\"config\": {\"ldap\": {\"suffix\": \"dc=x\"}}}");
        assertThat(whole.json().at("/config/ldap/suffix").asText()).isEqualTo("dc=x");
        assertThat(whole.json().at("/config/ldap/url").asText()).isEqualTo("ldap://myldap.com:389/");

        assertError(cloud.send("PATCH", "/domains/" + domain + "/config/identity", admin,
                "{\"config\": {\"ldap\": {\"url\": \"u\"}}}"), 403, "only that, group must be specified");
        assertError(cloud.send("PATCH", "/domains/" + domain + "/config/identity/driver", admin,
                "{\"config\": {\"list_limit\": 1}}"), 403, "only that, option must be specified");
        assertError(cloud.send("PATCH", "/domains/" + domain + "/config/ldap/user", admin,
                "{\"config\": {\"user\": \"cn=admin\"}}"), 404, "Could not find option user in group ldap");
    }

    @Test
    void deleteRemovesOptionGroupOrAll() {
        String domain = domain();
        cloud.send("PUT", "/domains/" + domain + "/config", admin, CONFIG);
        assertThat(cloud.send("DELETE", "/domains/" + domain + "/config/ldap/url", admin, null).status()).isEqualTo(204);
        assertError(cloud.get("/domains/" + domain + "/config/ldap/url", admin), 404, "Could not find option url in group ldap");
        assertThat(cloud.get("/domains/" + domain + "/config/ldap/user_tree_dn", admin).status()).isEqualTo(200);
        assertError(cloud.send("DELETE", "/domains/" + domain + "/config/ldap/url", admin, null), 404, "option url");
        assertThat(cloud.send("DELETE", "/domains/" + domain + "/config/identity", admin, null).status()).isEqualTo(204);
        assertError(cloud.get("/domains/" + domain + "/config/identity", admin), 404, "group identity");
        assertThat(cloud.send("DELETE", "/domains/" + domain + "/config", admin, null).status()).isEqualTo(204);
        assertError(cloud.get("/domains/" + domain + "/config", admin), 404, "Could not find any options");
    }

    @Test
    void onlyWhitelistedGroupsAndOptionsAreAccepted() {
        String domain = domain();
        String path = "/domains/" + domain + "/config";
        assertError(cloud.send("PUT", path, admin, "{\"config\": {}}"), 403, "No options specified");
        assertError(cloud.send("PUT", path, admin, "{\"config\": {\"identity\": {}}}"), 403,
                "The value of group identity specified in the config should be a dictionary of options");
        assertError(cloud.send("PUT", path, admin, "{\"config\": {\"identity\": \"ldap\"}}"), 403, "dictionary of options");
        assertError(cloud.send("PUT", path, admin, "{\"config\": {\"token\": {\"expiration\": 1}}}"), 403,
                "Invalid domain specific configuration: Group token is not supported");
        assertError(cloud.send("PUT", path, admin, "{\"config\": {\"identity\": {\"password_hash_rounds\": 4}}}"), 403,
                "Option password_hash_rounds in group identity is not supported");
        assertError(cloud.send("PUT", path, admin, "{}"), 400, "'config' is a required property.");
        assertError(cloud.send("PUT", "/domains/no-such-domain/config", admin, CONFIG), 404, "Could not find domain: no-such-domain.");
        assertError(cloud.get(path + "/ldap/foo", admin), 403, "Option foo in group ldap is not supported");
    }

    @Test
    void theLdapPasswordIsStoredSealedAndNeverShown() {
        String domain = domain();
        var created = cloud.send("PUT", "/domains/" + domain + "/config", admin,
                "{\"config\": {\"ldap\": {\"url\": \"ldap://h\", \"password\": \"bind-hunter2\"}}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("hunter2").doesNotContain("password");
        assertError(cloud.get("/domains/" + domain + "/config/ldap/password", admin), 404, "option password");
        try (var db = DirectStore.of(cloud)) {
            List<DomainConfigOption> stored = db.read(tx -> tx.domainConfigs().options(domain));
            DomainConfigOption password = stored.stream().filter(o -> o.option().equals("password")).findFirst().orElseThrow();
            assertThat(password.sensitive()).isTrue();
            assertThat(password.value().toString()).doesNotContain("hunter2");
        }
        var updated = cloud.send("PATCH", "/domains/" + domain + "/config/ldap/password", admin,
                "{\"config\": {\"password\": \"new-hunter3\"}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body()).doesNotContain("hunter3");
        assertError(cloud.send("PATCH", "/domains/" + domain + "/config/ldap/password", admin,
                "{\"config\": {\"password\": 12}}"), 400, "must be a string");
    }

    @Test
    void policyAndDomainDeletion() {
        String domain = domain();
        cloud.send("PUT", "/domains/" + domain + "/config", admin, CONFIG);
        assertError(cloud.get("/domains/" + domain + "/config", demo), 403, "identity:get_domain_config");
        assertError(cloud.send("PUT", "/domains/" + domain + "/config", demo, CONFIG), 403, "identity:create_domain_config");
        assertError(cloud.send("PATCH", "/domains/" + domain + "/config", demo, CONFIG), 403, "identity:update_domain_config");
        assertError(cloud.send("DELETE", "/domains/" + domain + "/config", demo, null), 403, "identity:delete_domain_config");

        assertThat(cloud.send("PATCH", "/domains/" + domain, admin, "{\"domain\": {\"enabled\": false}}").status()).isEqualTo(200);
        assertThat(cloud.send("DELETE", "/domains/" + domain, admin, null).status()).isEqualTo(204);
        try (var db = DirectStore.of(cloud)) {
            List<DomainConfigOption> left = db.read(tx -> tx.domainConfigs().options(domain));
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anyoneReadsTheDefaultDomainsPasswordRules() {
        var rules = cloud.get("/domains/default/config/security_compliance", demo);
        assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
        assertThat(rules.json().toString()).isEqualTo(
                "{\"config\":{\"security_compliance\":{\"password_regex\":null,\"password_regex_description\":null}}}");
        assertThat(cloud.get("/domains/default/config/security_compliance/password_regex", demo).json().toString())
                .isEqualTo("{\"config\":{\"password_regex\":null}}");
        assertError(cloud.get("/domains/default/config/security_compliance/lockout_duration", demo), 403,
                "other than password_regex and password_regex_description");
        assertError(cloud.get("/domains/" + domain() + "/config/security_compliance", admin), 403,
                "any domain other than the default domain");
    }

    private static String domain() {
        var r = cloud.post("/domains", admin, "{\"domain\": {\"name\": \"d" + UUID.randomUUID().toString().substring(0, 8) + "\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/domain/id").asText();
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertError(TestCloud.Response r, int status, String messagePart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().at("/error/code").asInt()).isEqualTo(status);
        assertThat(r.json().at("/error/message").asText()).contains(messagePart);
    }
}
