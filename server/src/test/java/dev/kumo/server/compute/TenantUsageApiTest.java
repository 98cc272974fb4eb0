package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** os-simple-tenant-usage: admin list, own-project show, periods, 2.40 paging, deleted servers still counted. */
class TenantUsageApiTest {
    private static final DateTimeFormatter PY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    static TestCloud cloud;
    static Nova nova;
    static String demo;
    static String admin;
    static String demoProject;
    static String period;
    static String running;
    static String deleted;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        demo = cloud.demoToken();
        admin = cloud.adminToken();
        demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        String image = nova.image(demo, "tiny-image", 96, 0, 1024);
        String net = nova.network(demo, "private", "10.1.0.0/24");
        String body = "\"imageRef\": \"" + image + "\", \"flavorRef\": \"2\", \"networks\": [{\"uuid\": \"" + net + "\"}]";
        running = nova.boot(demo, "\"name\": \"billed\", " + body);
        deleted = nova.boot(demo, "\"name\": \"gone\", " + body);
        nova.await(demo, running, "ACTIVE");
        nova.await(demo, deleted, "ACTIVE");
        nova.delete("/servers/" + deleted, demo);
        nova.awaitGone(demo, deleted);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        period = "start=" + PY.format(now.minusDays(1)) + "&end=" + PY.format(now.plusDays(1));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static JsonNode get(String path, String token, String version) {
        var r = nova.get(path, token, "OpenStack-API-Version", "compute " + version);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void adminsListEveryProjectWithServerUsagesWhenDetailed() {
        JsonNode usages = get("/os-simple-tenant-usage?detailed=1&" + period, admin, "2.1").get("tenant_usages");
        JsonNode demoUsage = null;
        for (JsonNode u : usages) {
            if (u.get("tenant_id").asText().equals(demoProject)) {
                demoUsage = u;
            }
        }
        assertThat(demoUsage).as(usages.toString()).isNotNull();
        assertThat(demoUsage.size()).as("tempest counts the keys").isEqualTo(8);
        assertThat(demoUsage.get("server_usages").findValuesAsText("instance_id")).contains(running, deleted);
        assertThat(demoUsage.get("total_hours").asDouble()).isPositive();
        // m1.small: 1 vCPU, 2048 MB, 20 GB
        assertThat(demoUsage.get("total_memory_mb_usage").asDouble())
                .isCloseTo(demoUsage.get("total_hours").asDouble() * 2048, org.assertj.core.data.Offset.offset(0.01));
        assertThat(demoUsage.get("start").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        JsonNode brief = get("/os-simple-tenant-usage?" + period, admin, "2.1").get("tenant_usages").get(0);
        assertThat(brief.has("server_usages")).isFalse();
        assertThat(brief.size()).isEqualTo(7);
    }

    @Test
    void aProjectSeesItsOwnUsageAndDeletedServersAreTerminated() {
        JsonNode usage = get("/os-simple-tenant-usage/" + demoProject + "?" + period, demo, "2.1").get("tenant_usage");
        assertThat(usage.size()).isEqualTo(8);
        JsonNode gone = null;
        for (JsonNode s : usage.get("server_usages")) {
            if (s.get("instance_id").asText().equals(deleted)) {
                gone = s;
            } else {
                assertThat(s.get("state").asText()).isEqualTo("active");
                assertThat(s.get("ended_at").isNull()).isTrue();
                assertThat(s.get("flavor").asText()).isEqualTo("m1.small");
                assertThat(s.get("local_gb").asInt()).isEqualTo(20);
            }
        }
        assertThat(gone).isNotNull();
        assertThat(gone.get("state").asText()).isEqualTo("terminated");
        assertThat(gone.get("ended_at").asText()).isNotEmpty();
        assertThat(gone.get("name").asText()).isEqualTo("gone");
    }

    @Test
    void aProjectCannotListAllOrSeeAnothersUsage() {
        Nova.fault(nova.get("/os-simple-tenant-usage?" + period, demo), 403, "forbidden");
        Nova.fault(nova.get("/os-simple-tenant-usage/some-other-project?" + period, demo), 403, "forbidden");
        assertThat(get("/os-simple-tenant-usage/some-other-project?" + period, admin, "2.1").get("tenant_usage").size())
                .as("a project without servers has an empty usage").isZero();
    }

    @Test
    void badPeriodsAreRejectedAsNovaDoes() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        var backwards = Nova.fault(nova.get("/os-simple-tenant-usage/" + demoProject + "?start=" + PY.format(now.plusDays(1))
                + "&end=" + PY.format(now.minusDays(1)), demo), 400, "badRequest");
        assertThat(backwards.get("message").asText()).contains("The start time cannot occur after the end time");
        var garbled = Nova.fault(nova.get("/os-simple-tenant-usage/" + demoProject + "?start=yesterday", demo), 400, "badRequest");
        assertThat(garbled.get("message").asText()).contains("Datetime is in invalid format");
        Nova.fault(nova.get("/os-simple-tenant-usage/?" + period, demo), 404, "itemNotFound");
    }

    @Test
    void from240LimitAndMarkerPageOverServersWithANextLink() {
        JsonNode first = get("/os-simple-tenant-usage/" + demoProject + "?limit=1&" + period, demo, "2.40");
        assertThat(first.at("/tenant_usage/server_usages")).hasSize(1);
        String href = first.at("/tenant_usage_links/0/href").asText();
        assertThat(href).contains("marker=" + first.at("/tenant_usage/server_usages/0/instance_id").asText());
        String marker = first.at("/tenant_usage/server_usages/0/instance_id").asText();
        JsonNode second = get("/os-simple-tenant-usage/" + demoProject + "?limit=1&marker=" + marker + "&" + period, demo, "2.40");
        assertThat(second.at("/tenant_usage/server_usages/0/instance_id").asText()).isNotEqualTo(marker);
        assertThat(get("/os-simple-tenant-usage/" + demoProject + "?limit=1&" + period, demo, "2.39").has("tenant_usage_links"))
                .as("paging is 2.40's").isFalse();
    }
}
