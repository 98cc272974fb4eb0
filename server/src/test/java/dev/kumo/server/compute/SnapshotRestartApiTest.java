package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.compute.server.TaskState;
import dev.kumo.core.compute.server.VmState;
import dev.kumo.server.TestCloud;
import dev.kumo.store.Database;
import dev.kumo.store.compute.SqlComputeStore;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A snapshot in flight when kumo stops cannot finish (which image it goes to was in memory): after the restart
 * the server is back at rest, usable, in each of the three snapshot tasks.
 */
class SnapshotRestartApiTest {
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
    void serversLeftInASnapshotTaskByARestartComeBackToRest() throws Exception {
        String demo = cloud.demoToken();
        String image = nova.image(demo, "img", 0, 0, 512);
        String net = nova.network(demo, "snap-net", "10.8.0.0/24");
        var tasks = new TaskState[] {TaskState.IMAGE_SNAPSHOT, TaskState.IMAGE_PENDING_UPLOAD, TaskState.IMAGE_UPLOADING};
        var ids = new String[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            ids[i] = nova.boot(demo, "\"name\": \"snap-" + i + "\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
            nova.await(demo, ids[i], "ACTIVE");
        }
        try (Database db = Database.sqlite(cloud.stateDir().resolve("kumo.db"))) {
            var store = new SqlComputeStore(db);
            for (int i = 0; i < tasks.length; i++) {
                String id = ids[i];
                TaskState task = tasks[i];
                store.write(tx -> {
                    var s = tx.servers().find(id).orElseThrow();
                    tx.servers().update(s.withState(VmState.ACTIVE, task, s.powerState(), Instant.now()));
                    return null;
                });
            }
        }
        assertThat(nova.get("/servers/" + ids[0], demo).json().at("/server/OS-EXT-STS:task_state").asText())
                .isEqualTo("image_snapshot");
        cloud.restart();
        String token = cloud.demoToken();
        for (String id : ids) {
            assertThat(nova.await(token, id, "ACTIVE").get("OS-EXT-STS:vm_state").asText()).isEqualTo("active");
        }
        // no task is left to refuse the next action with a 409 (the fake's guests themselves died with its memory)
        assertThat(nova.post("/servers/" + ids[0] + "/action", token, "{\"os-stop\": null}").status()).isEqualTo(202);
    }
}
