package dev.kumo.store.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.compute.action.history.ActionEvent;
import dev.kumo.core.compute.action.history.ActionPage;
import dev.kumo.core.compute.action.history.InstanceAction;
import dev.kumo.core.compute.store.ComputeTx;
import dev.kumo.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the instance action repository must do on every database (V11's tables). */
abstract class InstanceActionStoreContract {
    private static final Instant T = Instant.parse("2030-01-02T03:04:05Z");
    private static final String SERVER = "5b0c6a3e-0000-4000-8000-000000000001";

    private Database database;
    private SqlComputeStore store;

    protected abstract Database openEmptyDatabase() throws Exception;

    protected void releaseDatabase(Database database) {
        database.close();
    }

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
        store = new SqlComputeStore(database);
    }

    @AfterEach
    void release() {
        releaseDatabase(database);
    }

    private <T> T write(Function<ComputeTx, T> work) {
        return store.write(work);
    }

    private List<InstanceAction> list(ActionPage page) {
        return store.read(tx -> tx.actions().list(SERVER, page));
    }

    private Optional<InstanceAction> find(String request) {
        return store.read(tx -> tx.actions().find(SERVER, request));
    }

    private static InstanceAction action(String request, String name, int second) {
        return new InstanceAction(SERVER, request, name, "p-server", "u1", "p-caller", T.plusSeconds(second),
                T.plusSeconds(second), null, List.of());
    }

    @Test
    void actionsListNewestFirstAndPageAfterAMarkerAndFilterOnUpdatedAt() {
        write(tx -> tx.actions().insert(action("req-a", "create", 0)));
        write(tx -> tx.actions().insert(action("req-b", "stop", 10)));
        write(tx -> tx.actions().insert(action("req-c", "start", 20)));
        boolean again = write(tx -> tx.actions().insert(action("req-c", "start", 30)));
        assertThat(again).as("one per request").isFalse();

        List<InstanceAction> all = list(ActionPage.ALL);
        assertThat(all).extracting(InstanceAction::requestId).containsExactly("req-c", "req-b", "req-a");
        assertThat(all.getFirst().instanceProjectId()).isEqualTo("p-server");
        assertThat(all.getFirst().projectId()).isEqualTo("p-caller");
        assertThat(all.getFirst().startTime()).isEqualTo(T.plusSeconds(20));
        assertThat(all.getFirst().message()).isNull();
        assertThat(list(new ActionPage(null, null, "req-c", 1))).extracting(InstanceAction::requestId)
                .containsExactly("req-b");
        assertThat(list(new ActionPage(T.plusSeconds(10), T.plusSeconds(15), null, 0)))
                .extracting(InstanceAction::requestId).containsExactly("req-b");
        Optional<String> latest = store.read(tx -> tx.actions().latest(SERVER, List.of("create", "stop")));
        assertThat(latest).contains("req-b");
        Optional<String> project = store.read(tx -> tx.actions().instanceProject(SERVER));
        assertThat(project).contains("p-server");
        Optional<String> none = store.read(tx -> tx.actions().instanceProject("no-such-server"));
        assertThat(none).isEmpty();
    }

    @Test
    void eventsKeepTheirOrderAndFinishingOneWithAnErrorMarksTheAction() {
        write(tx -> tx.actions().insert(action("req-a", "create", 0)));
        var first = new ActionEvent(0, "conductor_schedule_and_build_instances", T, T.plusMillis(5), "Success", null, "");
        int seq1 = write(tx -> tx.actions().addEvent(SERVER, "req-a", first));
        var open = new ActionEvent(0, "compute__do_build_and_run_instance", T.plusMillis(6), null, null, null, "c-1");
        int seq2 = write(tx -> tx.actions().addEvent(SERVER, "req-a", open));
        assertThat(seq2).isEqualTo(seq1 + 1);
        var failed = new ActionEvent(seq2, open.event(), open.startTime(), null, null, null, "c-1")
                .finished(T.plusMillis(9), "disk image corrupt", "c-1");
        write(tx -> {
            tx.actions().updateEvent(SERVER, "req-a", failed);
            tx.actions().touch(SERVER, "req-a", T.plusMillis(9), "Error");
            return null;
        });
        write(tx -> {
            tx.actions().touch(SERVER, "req-a", T.plusMillis(10), null);
            return null;
        });

        InstanceAction action = find("req-a").orElseThrow();
        assertThat(action.message()).as("a null message keeps the one set").isEqualTo("Error");
        assertThat(action.updatedAt()).isEqualTo(T.plusMillis(10));
        assertThat(action.events()).extracting(ActionEvent::event)
                .containsExactly("compute__do_build_and_run_instance", "conductor_schedule_and_build_instances");
        ActionEvent newest = action.events().getFirst();
        assertThat(newest.result()).isEqualTo("Error");
        assertThat(newest.traceback()).isEqualTo("disk image corrupt");
        assertThat(newest.finishTime()).isEqualTo(T.plusMillis(9));
        assertThat(newest.host()).isEqualTo("c-1");
        assertThat(action.events().get(1).finishTime()).isEqualTo(T.plusMillis(5));
        assertThat(find("req-none")).isEmpty();
    }
}
