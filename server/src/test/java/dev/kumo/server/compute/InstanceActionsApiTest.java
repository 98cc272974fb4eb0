package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code os-instance-actions} on the fake driver: what is recorded, who may read it, and the microversions. */
class InstanceActionsApiTest {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";
    static TestCloud cloud;
    static Nova nova;
    static String demo;
    static String admin;
    static String image;
    static String net;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        demo = cloud.demoToken();
        admin = cloud.adminToken();
        image = nova.image(demo, "actions-image", 96, 0, 1024);
        net = nova.network(demo, "private", "10.4.0.0/24");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String mv(String version) {
        return "compute " + version;
    }

    private static TestCloud.Response create(String name, String extra) {
        var r = nova.post("/servers", demo, "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"" + net + "\"}]" + extra + "}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r;
    }

    private static String boot(String name) throws InterruptedException {
        String id = create(name, "").json().at("/server/id").asText();
        nova.await(demo, id, "ACTIVE");
        return id;
    }

    /** Posts the action and returns its request id. */
    private static String act(String id, String body) {
        var r = nova.post("/servers/" + id + "/action", demo, body);
        assertThat(r.status()).as(r.body()).isIn(202, 204);
        return r.headers().firstValue("x-openstack-request-id").orElseThrow();
    }

    private static JsonNode list(String id, String token, String version, String query) {
        var r = nova.get("/servers/" + id + "/os-instance-actions" + query, token, "OpenStack-API-Version", mv(version));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode show(String id, String request, String token, String version) {
        var r = nova.get("/servers/" + id + "/os-instance-actions/" + request, token, "OpenStack-API-Version", mv(version));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("instanceAction");
    }

    private static List<String> names(JsonNode listed) {
        var out = new ArrayList<String>();
        listed.get("instanceActions").forEach(a -> out.add(a.get("action").asText()));
        return out;
    }

    @Test
    void eachActionIsListedNewestFirstUnderTheRequestIdThatAskedForIt() throws Exception {
        var created = create("lifecycle", "");
        String id = created.json().at("/server/id").asText();
        String createRequest = created.headers().firstValue("x-openstack-request-id").orElseThrow();
        assertThat(created.headers().firstValue("x-compute-request-id")).contains(createRequest);
        nova.await(demo, id, "ACTIVE");
        String stop = act(id, "{\"os-stop\": null}");
        nova.await(demo, id, "SHUTOFF");
        act(id, "{\"os-start\": null}");
        nova.await(demo, id, "ACTIVE");
        act(id, "{\"reboot\": {\"type\": \"HARD\"}}");
        nova.await(demo, id, "ACTIVE");

        JsonNode listed = list(id, demo, "2.1", "");
        assertThat(names(listed)).containsExactly("reboot", "start", "stop", "create");
        JsonNode first = listed.at("/instanceActions/3");
        assertThat(first.get("request_id").asText()).isEqualTo(createRequest);
        assertThat(listed.at("/instanceActions/2/request_id").asText()).isEqualTo(stop);
        assertThat(first.get("instance_uuid").asText()).isEqualTo(id);
        assertThat(first.get("project_id").asText()).isEqualTo(nova.get("/servers/" + id, demo).json().at("/server/tenant_id").asText());
        assertThat(first.get("user_id").asText()).isEqualTo(nova.get("/servers/" + id, demo).json().at("/server/user_id").asText());
        assertThat(first.get("start_time").asText()).matches(TIME);
        assertThat(first.get("message").isNull()).isTrue();
        assertThat(first.has("updated_at")).as("updated_at is 2.58").isFalse();

        JsonNode stopped = show(id, stop, demo, "2.51");
        assertThat(stopped.get("action").asText()).isEqualTo("stop");
        assertThat(stopped.at("/events/0/event").asText()).isEqualTo("compute_stop_instance");
        assertThat(stopped.at("/events/0/result").asText()).isEqualTo("Success");
        assertThat(stopped.at("/events/0/finish_time").asText()).matches(TIME);
    }

    @Test
    void eventsShowToAdminsAlwaysAndToTheProjectFrom251WithHostIdFrom262() throws Exception {
        var created = create("events", "");
        String id = created.json().at("/server/id").asText();
        String request = created.headers().firstValue("x-openstack-request-id").orElseThrow();
        nova.await(demo, id, "ACTIVE");

        assertThat(show(id, request, demo, "2.50").has("events")).as("a project member before 2.51").isFalse();
        JsonNode asAdmin = show(id, request, admin, "2.1");
        List<String> events = new ArrayList<>();
        asAdmin.get("events").forEach(e -> events.add(e.get("event").asText()));
        assertThat(events).containsExactly("compute__do_build_and_run_instance", "conductor_schedule_and_build_instances");
        assertThat(asAdmin.at("/events/0").has("traceback")).isTrue();
        assertThat(asAdmin.at("/events/0").has("hostId")).isFalse();

        JsonNode member = show(id, request, demo, "2.51");
        assertThat(member.get("events")).hasSize(2);
        assertThat(member.at("/events/0").has("traceback")).as("admin only").isFalse();

        JsonNode v262 = show(id, request, demo, "2.62");
        String hostId = nova.get("/servers/" + id, demo).json().at("/server/hostId").asText();
        assertThat(v262.at("/events/0/hostId").asText()).isEqualTo(hostId).isNotEmpty();
        assertThat(v262.at("/events/0").has("host")).isFalse();
        assertThat(show(id, request, admin, "2.62").at("/events/0/host").asText()).isNotEmpty();
        assertThat(v262.get("updated_at").asText()).matches(TIME);
    }

    @Test
    void aFailedStepMakesItsEventAnErrorAndTheActionsMessageError() throws Exception {
        var created = create("broken", ", \"metadata\": {\"kumo:fake-fail-spawn\": \"disk image corrupt\"}");
        String id = created.json().at("/server/id").asText();
        String request = created.headers().firstValue("x-openstack-request-id").orElseThrow();
        nova.await(demo, id, "ERROR");

        JsonNode action = show(id, request, admin, "2.1");
        assertThat(action.get("message").asText()).isEqualTo("Error");
        assertThat(action.at("/events/0/event").asText()).isEqualTo("compute__do_build_and_run_instance");
        assertThat(action.at("/events/0/result").asText()).isEqualTo("Error");
        assertThat(action.at("/events/0/traceback").asText()).contains("disk image corrupt");
        assertThat(action.at("/events/1/result").asText()).as("scheduling went well").isEqualTo("Success");
    }

    @Test
    void aDeletedServersActionsAreReadableFrom221Only() throws Exception {
        String id = boot("short-lived");
        var deleted = nova.delete("/servers/" + id, demo);
        assertThat(deleted.status()).isEqualTo(204);
        String request = deleted.headers().firstValue("x-openstack-request-id").orElseThrow();
        nova.awaitGone(demo, id);

        var old = nova.get("/servers/" + id + "/os-instance-actions", demo, "OpenStack-API-Version", mv("2.20"));
        assertThat(Nova.fault(old, 404, "itemNotFound").get("message").asText())
                .isEqualTo("Instance " + id + " could not be found.");
        assertThat(names(list(id, demo, "2.21", ""))).containsExactly("delete", "create");
        JsonNode delete = show(id, request, demo, "2.51");
        assertThat(delete.at("/events/0/event").asText()).isEqualTo("compute_terminate_instance");
        assertThat(delete.at("/events/0/result").asText()).isEqualTo("Success");
    }

    @Test
    void anotherProjectsServerHasNoActionsUnknownOnesAre404() throws Exception {
        var created = create("private", "");
        String id = created.json().at("/server/id").asText();
        String request = created.headers().firstValue("x-openstack-request-id").orElseThrow();
        nova.await(demo, id, "ACTIVE");
        String alt = cloud.memberOfNewProject(admin, "alt-actions");

        var listed = nova.get("/servers/" + id + "/os-instance-actions", alt, "OpenStack-API-Version", mv("2.66"));
        Nova.fault(listed, 404, "itemNotFound");
        Nova.fault(nova.get("/servers/" + id + "/os-instance-actions/" + request, alt), 404, "itemNotFound");
        assertThat(names(list(id, admin, "2.1", ""))).containsExactly("create");

        var unknownAction = nova.get("/servers/" + id + "/os-instance-actions/999", demo);
        assertThat(Nova.fault(unknownAction, 404, "itemNotFound").get("message").asText()).isEqualTo("Action 999 not found");
        Nova.fault(nova.get("/servers/7f1c1c62-0000-4000-8000-000000000000/os-instance-actions", demo), 404, "itemNotFound");
    }

    @Test
    void from258TheListPagesByRequestIdAndFiltersOnUpdatedAt() throws Exception {
        String id = boot("paged");
        String lock = act(id, "{\"lock\": null}");
        String unlock = act(id, "{\"unlock\": null}");
        act(id, "{\"pause\": null}");
        nova.await(demo, id, "PAUSED");

        JsonNode page = list(id, demo, "2.58", "?limit=2");
        assertThat(names(page)).containsExactly("pause", "unlock");
        assertThat(page.at("/instanceActions/0/updated_at").asText()).matches(TIME);
        String next = page.at("/links/0/href").asText();
        assertThat(page.at("/links/0/rel").asText()).isEqualTo("next");
        assertThat(next).contains("/servers/" + id + "/os-instance-actions?").contains("limit=2").contains("marker=" + unlock);
        JsonNode rest = list(id, demo, "2.58", next.substring(next.indexOf('?')));
        assertThat(names(rest)).containsExactly("lock", "create");
        assertThat(rest.at("/instanceActions/0/request_id").asText()).isEqualTo(lock);
        assertThat(names(list(id, demo, "2.57", "?limit=1"))).as("no paging before 2.58").hasSize(4);

        var badMarker = nova.get("/servers/" + id + "/os-instance-actions?marker=req-nope", demo,
                "OpenStack-API-Version", mv("2.58"));
        assertThat(Nova.fault(badMarker, 400, "badRequest").get("message").asText()).contains("req-nope");
        Nova.fault(nova.get("/servers/" + id + "/os-instance-actions?limit=-1", demo, "OpenStack-API-Version", mv("2.58")),
                400, "badRequest");
        assertThat(list(id, demo, "2.58", "?changes-since=2999-01-01T00:00:00Z").get("instanceActions")).isEmpty();
        assertThat(names(list(id, demo, "2.58", "?changes-since=2000-01-01T00:00:00Z"))).hasSize(4);
        Nova.fault(nova.get("/servers/" + id + "/os-instance-actions?changes-before=2000-01-01T00:00:00Z", demo,
                "OpenStack-API-Version", mv("2.65")), 400, "badRequest");
        assertThat(list(id, demo, "2.66", "?changes-before=2000-01-01T00:00:00Z").get("instanceActions")).isEmpty();
        var inverted = nova.get("/servers/" + id + "/os-instance-actions?changes-since=2020-01-02T00:00:00Z"
                + "&changes-before=2020-01-01T00:00:00Z", demo, "OpenStack-API-Version", mv("2.66"));
        assertThat(Nova.fault(inverted, 400, "badRequest").get("message").asText())
                .isEqualTo("The value of changes-since must be less than or equal to changes-before.");
    }

    @Test
    void everyKindOfActionIsRecordedUnderNovasName() throws Exception {
        String id = boot("busy");
        for (String body : List.of("{\"pause\": null}", "{\"unpause\": null}", "{\"suspend\": null}", "{\"resume\": null}")) {
            act(id, body);
            nova.await(demo, id, body.contains("\"pause") ? "PAUSED" : body.contains("suspend") ? "SUSPENDED" : "ACTIVE");
        }
        act(id, "{\"resize\": {\"flavorRef\": \"2\"}}");
        nova.await(demo, id, "VERIFY_RESIZE");
        act(id, "{\"confirmResize\": null}");
        nova.await(demo, id, "ACTIVE");
        String snapshot = act(id, "{\"createImage\": {\"name\": \"busy-snap\"}}");
        nova.await(demo, id, "ACTIVE");
        act(id, "{\"rebuild\": {\"imageRef\": \"" + image + "\"}}");
        nova.await(demo, id, "ACTIVE");
        var attached = nova.post("/servers/" + id + "/os-interface", demo, "{\"interfaceAttachment\": {\"net_id\": \"" + net + "\"}}");
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        var detached = nova.delete("/servers/" + id + "/os-interface/" + attached.json().at("/interfaceAttachment/port_id").asText(), demo);
        assertThat(detached.status()).isEqualTo(202);

        assertThat(names(list(id, demo, "2.1", ""))).containsExactly("detach_interface", "attach_interface", "rebuild",
                "createImage", "confirmResize", "resize", "resume", "suspend", "unpause", "pause", "create");
        assertThat(show(id, snapshot, demo, "2.51").at("/events/0/event").asText()).isEqualTo("compute_snapshot_instance");
        String attach = list(id, demo, "2.1", "").at("/instanceActions/1/request_id").asText();
        assertThat(show(id, attach, demo, "2.51").at("/events/0/event").asText()).isEqualTo("compute_attach_interface");
    }

    @Test
    void aRefusedActionIsNotRecorded() throws Exception {
        String id = boot("refusing");
        var refused = nova.post("/servers/" + id + "/action", demo, "{\"os-start\": null}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(names(list(id, demo, "2.1", ""))).containsExactly("create");
    }
}
