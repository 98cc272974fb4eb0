package dev.kumo.store.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.image.store.ImageQuery;
import dev.kumo.core.image.store.SortKey;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageData;
import dev.kumo.model.image.ImageMember;
import dev.kumo.model.image.ImageStatus;
import dev.kumo.model.image.ImageTask;
import dev.kumo.model.image.MemberStatus;
import dev.kumo.model.image.Visibility;
import dev.kumo.store.Database;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link SqlImageStore} must do on every database: round trips, the listing query, members, tasks. */
abstract class ImageStoreContract {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    protected Database database;
    private SqlImageStore store;

    protected abstract Database openEmptyDatabase() throws Exception;

    protected void releaseDatabase(Database database) throws Exception {
        database.close();
    }

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
        store = new SqlImageStore(database);
    }

    @AfterEach
    void close() throws Exception {
        releaseDatabase(database);
    }

    private static Image image(String id, String name, Visibility visibility, String owner, int second) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("os_distro", name.startsWith("u") ? "ubuntu" : "cirros");
        props.put("kernel_id", null);
        return new Image(id, name, ImageStatus.QUEUED, visibility, false, false, owner, "qcow2", "bare", 1, 64, null, null,
                null, null, null, T0.plusSeconds(second), T0.plusSeconds(second), List.of("t-" + name), props);
    }

    private void insert(Image... images) {
        store.write(tx -> {
            for (Image i : images) {
                tx.images().insert(i);
            }
            return null;
        });
    }

    // Typed shorthands: AssertJ's overloaded assertThat cannot infer the type of a generic store.read(...).

    private java.util.Optional<Image> find(String id) {
        return store.read(tx -> tx.images().find(id));
    }

    private long owned(String owner) {
        return store.read(tx -> tx.images().bytesOwnedBy(owner));
    }

    private List<Image> withStatus(ImageStatus status) {
        return store.read(tx -> tx.images().withStatus(List.of(status)));
    }

    private java.util.Optional<ImageMember> member(String imageId, String memberId) {
        return store.read(tx -> tx.members().find(imageId, memberId));
    }

    private int memberCount(String imageId) {
        return store.read(tx -> tx.members().count(imageId));
    }

    private List<ImageMember> members(String imageId) {
        return store.read(tx -> tx.members().list(imageId));
    }

    private List<ImageTask> tasks(String imageId) {
        return store.read(tx -> tx.tasks().forImage(imageId));
    }

    private List<String> names(ImageQuery q) {
        return store.read(tx -> tx.images().list(q)).stream().map(Image::name).toList();
    }

    private static ImageQuery query(String viewer, boolean admin, Visibility visibility, Image marker, int limit) {
        return new ImageQuery(viewer, admin, visibility, false, MemberStatus.ACCEPTED, null, null, null, null, null, null,
                null, null, null, null, null, null, false, List.of(), Map.of(),
                List.of(new SortKey(SortKey.Field.NAME, true)), marker, limit);
    }

    @Test
    void roundTripKeepsEveryFieldTagsAndNullProperties() {
        Image a = image("00000000-0000-4000-8000-000000000001", "ubuntu", Visibility.PRIVATE, "p1", 1);
        insert(a);
        assertThat(find(a.id())).contains(a);
        Image active = a.withData(ImageStatus.ACTIVE, new ImageData(5_000_000_000L, "m", "s", 10L), T0.plusSeconds(9));
        store.write(tx -> {
            tx.images().update(active);
            return null;
        });
        assertThat(find(a.id())).contains(active);
        assertThat(owned("p1")).isEqualTo(5_000_000_000L);
        assertThat(withStatus(ImageStatus.ACTIVE)).containsExactly(active);
        store.write(tx -> {
            tx.images().delete(a.id());
            return null;
        });
        assertThat(find(a.id())).isEmpty();
    }

    @Test
    void listingAppliesVisibilityMembershipFiltersAndKeysetPages() {
        insert(image("00000000-0000-4000-8000-000000000011", "a-private", Visibility.PRIVATE, "p1", 1),
                image("00000000-0000-4000-8000-000000000012", "b-public", Visibility.PUBLIC, "p2", 2),
                image("00000000-0000-4000-8000-000000000013", "c-community", Visibility.COMMUNITY, "p2", 3),
                image("00000000-0000-4000-8000-000000000014", "d-shared", Visibility.SHARED, "p2", 4),
                image("00000000-0000-4000-8000-000000000015", "e-others-private", Visibility.PRIVATE, "p2", 5));
        assertThat(names(query("p1", false, null, null, 10))).containsExactly("a-private", "b-public");
        store.write(tx -> {
            tx.members().insert(new ImageMember("00000000-0000-4000-8000-000000000014", "p1", MemberStatus.ACCEPTED, T0, T0));
            return null;
        });
        assertThat(names(query("p1", false, null, null, 10))).containsExactly("a-private", "b-public", "d-shared");
        assertThat(names(query("p1", false, Visibility.COMMUNITY, null, 10))).containsExactly("c-community");
        assertThat(names(query("p2", true, null, null, 10)))
                .containsExactly("a-private", "b-public", "c-community", "d-shared", "e-others-private");
        Image first = find("00000000-0000-4000-8000-000000000011").orElseThrow();
        assertThat(names(query("p2", true, null, first, 2))).containsExactly("b-public", "c-community");
        var byProperty = new ImageQuery("p2", true, null, true, null, null, null, null, null, null, null, null, null, null,
                null, null, null, false, List.of("t-b-public"), Map.of("os_distro", "cirros"),
                List.of(new SortKey(SortKey.Field.CREATED_AT, false)), null, 10);
        assertThat(names(byProperty)).containsExactly("b-public");
    }

    @Test
    void membersAndTasksGoWithTheirImage() {
        Image a = image("00000000-0000-4000-8000-000000000021", "shared", Visibility.SHARED, "p1", 1);
        insert(a);
        var member = new ImageMember(a.id(), "p2", MemberStatus.PENDING, T0, T0);
        var task = new ImageTask("t1", a.id(), "processing", "p1", "u1", "req-1", "glance-direct", "", T0, T0);
        store.write(tx -> {
            tx.members().insert(member);
            tx.tasks().insert(task);
            tx.tasks().update(task.finished("success", "", T0.plusSeconds(1)));
            tx.members().update(new ImageMember(a.id(), "p2", MemberStatus.ACCEPTED, T0, T0.plusSeconds(1)));
            return null;
        });
        assertThat(member(a.id(), "p2").orElseThrow().status()).isEqualTo(MemberStatus.ACCEPTED);
        assertThat(memberCount(a.id())).isEqualTo(1);
        assertThat(tasks(a.id())).extracting(ImageTask::status).containsExactly("success");
        store.write(tx -> {
            tx.images().delete(a.id());
            return null;
        });
        assertThat(members(a.id())).isEmpty();
        assertThat(tasks(a.id())).isEmpty();
    }
}
