package dev.kumo.store.identity;

import static dev.kumo.store.identity.Fixtures.credential;
import static dev.kumo.store.identity.Fixtures.domain;
import static dev.kumo.store.identity.Fixtures.endpoint;
import static dev.kumo.store.identity.Fixtures.group;
import static dev.kumo.store.identity.Fixtures.project;
import static dev.kumo.store.identity.Fixtures.region;
import static dev.kumo.store.identity.Fixtures.role;
import static dev.kumo.store.identity.Fixtures.service;
import static dev.kumo.store.identity.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.kumo.core.identity.store.GroupRepository.Membership;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.token.RevocationEvent;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.Group;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Region;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.Service;
import dev.kumo.model.identity.Trust;
import dev.kumo.model.identity.TargetType;
import dev.kumo.model.identity.User;
import dev.kumo.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SqlIdentityStore} must do, whatever the database: each repository method round-trips
 * (nulls, extra maps, tags included), constraints hold, owned rows are deleted with their owner, and a write
 * is all or nothing. Subclasses give each test a new, empty database.
 */
abstract class IdentityStoreContract {
    private static final Instant T1 = Instant.parse("2030-01-02T03:04:05.678Z");
    private static final Instant T2 = Instant.parse("2031-06-07T08:09:10.111Z");

    protected Database database;
    protected SqlIdentityStore store;

    /** A migrated database with empty tables, which no other test running at the same time sees. */
    protected abstract Database openEmptyDatabase() throws Exception;

    /** Called after each test; closes the database unless the subclass keeps it for the next test. */
    protected void releaseDatabase(Database database) throws Exception {
        database.close();
    }

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
        store = new SqlIdentityStore(database);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) {
            releaseDatabase(database);
        }
    }

    private void write(Consumer<IdentityTx> work) {
        store.write(tx -> {
            work.accept(tx);
            return null;
        });
    }

    private int count(String table) {
        return database.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(Integer.class).one());
    }

    // Typed shorthands: AssertJ's overloaded assertThat cannot infer the type of a generic store.read(...).

    private List<Domain> domains() { return store.read(tx -> tx.domains().all()); }

    private List<Project> projects() { return store.read(tx -> tx.projects().all()); }

    private List<User> users() { return store.read(tx -> tx.users().all()); }

    private List<Group> groups() { return store.read(tx -> tx.groups().all()); }

    private List<Membership> memberships() { return store.read(tx -> tx.groups().memberships()); }

    private List<Role> roles() { return store.read(tx -> tx.roles().all()); }

    private List<ImpliedRole> implications() { return store.read(tx -> tx.roles().implications()); }

    private List<RoleAssignment> assignments() { return store.read(tx -> tx.assignments().all()); }

    private List<Region> regions() { return store.read(tx -> tx.catalog().regions()); }

    private List<Service> services() { return store.read(tx -> tx.catalog().services()); }

    private List<Endpoint> endpoints() { return store.read(tx -> tx.catalog().endpoints()); }

    private List<ApplicationCredential> credentials() { return store.read(tx -> tx.applicationCredentials().all()); }

    private List<RevocationEvent> revocations() { return store.read(tx -> tx.revocations().all()); }

    private Optional<String> passwordHash(String userId) { return store.read(tx -> tx.users().passwordHash(userId)); }

    private List<Trust> trusts() { return store.read(tx -> tx.trusts().all()); }

    private Optional<String> secretHash(String id) { return store.read(tx -> tx.applicationCredentials().secretHash(id)); }

    private Optional<String> secret(String name) { return store.read(tx -> tx.secrets().get(name)); }

    private boolean revoke(RoleAssignment a) { return store.write(tx -> tx.assignments().revoke(a)); }

    private int expireRevocations(Instant cutoff) { return store.write(tx -> tx.revocations().deleteIssuedBefore(cutoff)); }

    private String putSecret(String name, String value) { return store.write(tx -> tx.secrets().putIfAbsent(name, value)); }

    private static CloudError.Conflict conflictOf(Throwable thrown) {
        assertThat(thrown).isInstanceOf(CloudException.class);
        assertThat(((CloudException) thrown).error()).isInstanceOf(CloudError.Conflict.class);
        return (CloudError.Conflict) ((CloudException) thrown).error();
    }

    // ---- domains and projects

    @Test
    void domainsRoundTripWithTagsExtraAndNulls() {
        Domain full = new Domain("d1", "one", "first", false, List.of("b", "a", "b"),
                Map.of("k", "v", "n", 5, "nested", Map.of("list", List.of(1, "x", true))));
        Domain bare = domain("d2", "two");
        write(tx -> {
            tx.domains().insert(full);
            tx.domains().insert(bare);
        });
        assertThat(domains()).containsExactly(full, bare);

        Domain changed = new Domain("d1", "uno", null, true, List.of("c"), Map.of());
        write(tx -> tx.domains().update(changed));
        assertThat(domains()).containsExactly(changed, bare);

        write(tx -> tx.domains().delete("d1"));
        assertThat(domains()).containsExactly(bare);
        assertThat(count("domain_tag")).isZero();
    }

    @Test
    void domainNamesAreUnique() {
        write(tx -> tx.domains().insert(domain("d1", "same")));
        long before = store.generation();

        Throwable thrown = catchThrowable(() -> write(tx -> {
            tx.domains().insert(domain("d2", "other"));
            tx.domains().insert(domain("d3", "same"));
        }));

        assertThat(conflictOf(thrown).message()).contains("domain").contains("name");
        assertThat(conflictOf(thrown).type()).isEqualTo("Conflict");
        assertThat(domains()).extracting(Domain::id).containsExactly("d1");
        assertThat(store.generation()).isEqualTo(before);
    }

    @Test
    void duplicateIdsAreConflicts() {
        write(tx -> tx.domains().insert(domain("d1", "one")));
        Throwable thrown = catchThrowable(() -> write(tx -> tx.domains().insert(domain("d1", "two"))));
        assertThat(conflictOf(thrown).message()).contains("domain").contains("id");
    }

    @Test
    void projectsRoundTripWithParentTagsAndExtra() {
        Project top = new Project("p1", "top", "d1", null, "desc", true, List.of("x", "y"), Map.of("a", "b"));
        Project child = new Project("p2", "child", "d1", "p1", null, false, List.of(), Map.of());
        write(tx -> {
            tx.projects().insert(top);
            tx.projects().insert(child);
        });
        assertThat(projects()).containsExactly(top, child);

        Project moved = new Project("p2", "renamed", "d2", null, "now", true, List.of("z", "x"), Map.of("c", 1));
        write(tx -> tx.projects().update(moved));
        assertThat(projects()).containsExactly(top, moved);

        write(tx -> tx.projects().delete("p1"));
        assertThat(projects()).containsExactly(moved);
        assertThat(count("project_tag")).isEqualTo(2);
    }

    @Test
    void projectNamesAreUniqueWithinADomain() {
        write(tx -> {
            tx.projects().insert(project("p1", "same", "d1"));
            tx.projects().insert(project("p2", "same", "d2"));
        });
        Throwable thrown = catchThrowable(() -> write(tx -> tx.projects().insert(project("p3", "same", "d1"))));
        assertThat(conflictOf(thrown).message()).contains("project").contains("domain_id and name");
        assertThat(projects()).hasSize(2);
    }

    @Test
    void updatingAMissingRowFails() {
        long before = store.generation();
        assertThatThrownBy(() -> write(tx -> tx.projects().update(project("nope", "x", "d1"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> write(tx -> tx.users().setPassword("nope", "h", T1, null)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.generation()).isEqualTo(before);
    }

    // ---- users and groups

    @Test
    void usersRoundTripAndKeepTheirPasswordHashApart() {
        User full = new User("u1", "alice", "d1", false, "p1", "desc", "a@example.com", T1, T2,
                Map.of("options", Map.of("lock_password", true)));
        User bare = user("u2", "bob", "d1");
        write(tx -> {
            tx.users().insert(full, "hash-1");
            tx.users().insert(bare, null);
        });
        assertThat(users()).containsExactly(full, bare);
        assertThat(passwordHash("u1")).contains("hash-1");
        assertThat(passwordHash("u2")).isEmpty();
        assertThat(passwordHash("missing")).isEmpty();

        User changed = new User("u1", "alicia", "d2", true, null, null, null, null, T1, Map.of());
        write(tx -> tx.users().update(changed));
        assertThat(users()).containsExactly(changed, bare);
        assertThat(passwordHash("u1")).contains("hash-1");

        write(tx -> tx.users().setPassword("u2", "hash-2", T1, T2));
        assertThat(passwordHash("u2")).contains("hash-2");
        assertThat(users().get(1))
                .extracting(User::passwordChangedAt, User::passwordExpiresAt).containsExactly(T1, T2);
        write(tx -> tx.users().setPassword("u2", null, T2, null));
        assertThat(passwordHash("u2")).isEmpty();
        assertThat(users().get(1).passwordExpiresAt()).isNull();

        write(tx -> tx.users().delete("u1"));
        assertThat(users()).extracting(User::id).containsExactly("u2");
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        Instant precise = Instant.parse("2030-01-02T03:04:05.678912345Z");
        write(tx -> tx.users().insert(new User("u1", "a", "d1", true, null, null, null, precise, precise, Map.of()),
                null));
        assertThat(users().getFirst().passwordExpiresAt())
                .isEqualTo(Instant.parse("2030-01-02T03:04:05.678Z"));
    }

    @Test
    void userNamesAreUniqueWithinADomain() {
        write(tx -> {
            tx.users().insert(user("u1", "alice", "d1"), null);
            tx.users().insert(user("u2", "alice", "d2"), null);
        });
        Throwable thrown = catchThrowable(() -> write(tx -> tx.users().insert(user("u3", "alice", "d1"), "h")));
        assertThat(conflictOf(thrown).message()).contains("user").contains("name");
    }

    @Test
    void groupsAndMembershipsRoundTrip() {
        Group full = new Group("g1", "admins", "d1", "the admins", Map.of("k", "v"));
        write(tx -> {
            tx.users().insert(user("u1", "alice", "d1"), null);
            tx.users().insert(user("u2", "bob", "d1"), null);
            tx.groups().insert(full);
            tx.groups().insert(group("g2", "others", "d1"));
            tx.groups().addMember("g1", "u1");
            tx.groups().addMember("g1", "u1");
            tx.groups().addMember("g1", "u2");
            tx.groups().addMember("g2", "u1");
        });
        assertThat(groups()).containsExactly(full, group("g2", "others", "d1"));
        assertThat(memberships()).containsExactly(
                new Membership("g1", "u1"), new Membership("g1", "u2"), new Membership("g2", "u1"));

        Group changed = new Group("g1", "root", "d2", null, Map.of());
        write(tx -> {
            tx.groups().update(changed);
            tx.groups().removeMember("g1", "u2");
            tx.groups().removeMember("g1", "nobody");
        });
        assertThat(groups()).first().isEqualTo(changed);
        assertThat(memberships())
                .containsExactly(new Membership("g1", "u1"), new Membership("g2", "u1"));
    }

    @Test
    void groupNamesAreUniqueWithinADomain() {
        write(tx -> tx.groups().insert(group("g1", "same", "d1")));
        Throwable thrown = catchThrowable(() -> write(tx -> tx.groups().insert(group("g2", "same", "d1"))));
        assertThat(conflictOf(thrown).message()).contains("group").contains("name");
    }

    @Test
    void deletingAGroupDeletesItsMemberships() {
        write(tx -> {
            tx.users().insert(user("u1", "alice", "d1"), null);
            tx.groups().insert(group("g1", "a", "d1"));
            tx.groups().insert(group("g2", "b", "d1"));
            tx.groups().addMember("g1", "u1");
            tx.groups().addMember("g2", "u1");
        });
        write(tx -> tx.groups().delete("g1"));
        assertThat(memberships()).containsExactly(new Membership("g2", "u1"));
        assertThat(users()).hasSize(1);
    }

    @Test
    void deletingAUserDeletesItsMembershipsAndApplicationCredentials() {
        write(tx -> {
            tx.roles().insert(role("r1", "member", null));
            tx.users().insert(user("u1", "alice", "d1"), null);
            tx.users().insert(user("u2", "bob", "d1"), null);
            tx.groups().insert(group("g1", "a", "d1"));
            tx.groups().addMember("g1", "u1");
            tx.groups().addMember("g1", "u2");
            tx.applicationCredentials().insert(credential("c1", "ci", "u1", List.of("r1")), "s1");
            tx.applicationCredentials().insert(credential("c2", "ci", "u2", List.of("r1")), "s2");
        });
        write(tx -> tx.users().delete("u1"));
        assertThat(memberships()).containsExactly(new Membership("g1", "u2"));
        assertThat(credentials())
                .extracting(ApplicationCredential::id).containsExactly("c2");
        assertThat(count("application_credential_role")).isEqualTo(1);
        assertThat(groups()).hasSize(1);
    }

    @Test
    void membershipOfAnUnknownUserIsADatabaseErrorNotAConflict() {
        write(tx -> tx.groups().insert(group("g1", "a", "d1")));
        Throwable thrown = catchThrowable(() -> write(tx -> tx.groups().addMember("g1", "ghost")));
        assertThat(thrown).isInstanceOf(JdbiException.class);
        assertThat(memberships()).isEmpty();
    }

    // ---- roles and assignments

    @Test
    void rolesRoundTripGlobalAndDomainSpecific() {
        Role global = new Role("r1", "admin", null, "global", Map.of("immutable", true));
        Role scoped = role("r2", "admin", "d1");
        write(tx -> {
            tx.roles().insert(global);
            tx.roles().insert(scoped);
            tx.roles().insert(role("r3", "admin", "d2"));
        });
        assertThat(roles()).containsExactly(global, scoped, role("r3", "admin", "d2"));

        Role changed = new Role("r2", "reader", null, "now global", Map.of());
        write(tx -> tx.roles().update(changed));
        assertThat(roles()).contains(changed);
    }

    @Test
    void roleNamesAreUniqueAmongGlobalRolesAndWithinADomain() {
        write(tx -> {
            tx.roles().insert(role("r1", "admin", null));
            tx.roles().insert(role("r2", "admin", "d1"));
        });
        assertThat(conflictOf(catchThrowable(() -> write(tx -> tx.roles().insert(role("r3", "admin", null)))))
                .message()).contains("role").contains("name");
        assertThat(conflictOf(catchThrowable(() -> write(tx -> tx.roles().insert(role("r4", "admin", "d1")))))
                .message()).contains("role");
        assertThat(roles()).hasSize(2);
    }

    @Test
    void impliedRolesRoundTripAndGoWithEitherRole() {
        write(tx -> {
            tx.roles().insert(role("admin", "admin", null));
            tx.roles().insert(role("member", "member", null));
            tx.roles().insert(role("reader", "reader", null));
            tx.roles().addImplication(new ImpliedRole("admin", "member"));
            tx.roles().addImplication(new ImpliedRole("admin", "member"));
            tx.roles().addImplication(new ImpliedRole("member", "reader"));
            tx.roles().addImplication(new ImpliedRole("admin", "reader"));
        });
        assertThat(implications()).containsExactly(
                new ImpliedRole("admin", "member"), new ImpliedRole("admin", "reader"),
                new ImpliedRole("member", "reader"));

        write(tx -> tx.roles().removeImplication(new ImpliedRole("admin", "reader")));
        assertThat(implications())
                .containsExactly(new ImpliedRole("admin", "member"), new ImpliedRole("member", "reader"));

        write(tx -> tx.roles().delete("member"));
        assertThat(implications()).isEmpty();
        assertThat(roles()).hasSize(2);
    }

    @Test
    void assignmentsGrantIdempotentlyAndRevoke() {
        RoleAssignment onProject = new RoleAssignment(ActorType.USER, "u1", TargetType.PROJECT, "p1", "r1", false);
        RoleAssignment inherited = new RoleAssignment(ActorType.USER, "u1", TargetType.PROJECT, "p1", "r1", true);
        RoleAssignment onSystem = new RoleAssignment(ActorType.GROUP, "g1", TargetType.SYSTEM,
                TargetType.SYSTEM_ALL, "r2", false);
        RoleAssignment onDomain = new RoleAssignment(ActorType.GROUP, "g1", TargetType.DOMAIN, "d1", "r1", true);
        write(tx -> {
            tx.assignments().grant(onProject);
            tx.assignments().grant(onProject);
            tx.assignments().grant(inherited);
            tx.assignments().grant(onSystem);
            tx.assignments().grant(onDomain);
        });
        assertThat(assignments())
                .containsExactlyInAnyOrder(onProject, inherited, onSystem, onDomain);

        assertThat(revoke(inherited)).isTrue();
        assertThat(revoke(inherited)).isFalse();
        assertThat(assignments()).containsExactlyInAnyOrder(onProject, onSystem, onDomain);
    }

    @Test
    void deleteMentioningRemovesAssignmentsNamingTheActorTargetOrRole() {
        RoleAssignment a = new RoleAssignment(ActorType.USER, "u1", TargetType.PROJECT, "p1", "r1", false);
        RoleAssignment b = new RoleAssignment(ActorType.USER, "u2", TargetType.PROJECT, "p2", "r1", false);
        RoleAssignment c = new RoleAssignment(ActorType.GROUP, "g1", TargetType.DOMAIN, "d1", "r2", false);
        RoleAssignment d = new RoleAssignment(ActorType.USER, "u3", TargetType.PROJECT, "p3", "r3", false);
        write(tx -> List.of(a, b, c, d).forEach(tx.assignments()::grant));

        write(tx -> tx.assignments().deleteMentioning("u1"));
        assertThat(assignments()).containsExactlyInAnyOrder(b, c, d);
        write(tx -> tx.assignments().deleteMentioning("d1"));
        assertThat(assignments()).containsExactlyInAnyOrder(b, d);
        write(tx -> tx.assignments().deleteMentioning("r1"));
        assertThat(assignments()).containsExactly(d);
    }

    // ---- catalog

    @Test
    void regionsRoundTrip() {
        Region parent = new Region("RegionOne", "the first", null, Map.of("k", "v"));
        Region child = new Region("RegionOneA", null, "RegionOne", Map.of());
        write(tx -> {
            tx.catalog().insertRegion(parent);
            tx.catalog().insertRegion(child);
        });
        assertThat(regions()).containsExactly(parent, child);

        Region changed = new Region("RegionOneA", "now top", null, Map.of("x", List.of("y")));
        write(tx -> tx.catalog().updateRegion(changed));
        assertThat(regions()).containsExactly(parent, changed);

        write(tx -> tx.catalog().deleteRegion("RegionOne"));
        assertThat(regions()).containsExactly(changed);
        assertThat(conflictOf(catchThrowable(() -> write(tx -> tx.catalog().insertRegion(region("RegionOneA")))))
                .message()).contains("region");
    }

    @Test
    void servicesAndEndpointsRoundTrip() {
        Service identity = new Service("s1", "identity", "keystone", "auth", true, Map.of("k", "v"));
        Service bare = service("s2", "compute");
        Endpoint full = new Endpoint("e1", "s1", "admin", "http://h:5000/v3", "RegionOne", false, Map.of("a", 1));
        write(tx -> {
            tx.catalog().insertService(identity);
            tx.catalog().insertService(bare);
            tx.catalog().insertEndpoint(full);
            tx.catalog().insertEndpoint(endpoint("e2", "s2"));
        });
        assertThat(services()).containsExactly(identity, bare);
        assertThat(endpoints()).containsExactly(full, endpoint("e2", "s2"));

        Service renamed = new Service("s2", "compute", "nova", null, false, Map.of());
        Endpoint moved = new Endpoint("e1", "s2", "internal", "http://h:8774/v2.1", null, true, Map.of());
        write(tx -> {
            tx.catalog().updateService(renamed);
            tx.catalog().updateEndpoint(moved);
        });
        assertThat(services()).containsExactly(identity, renamed);
        assertThat(endpoints()).containsExactly(moved, endpoint("e2", "s2"));

        write(tx -> tx.catalog().deleteEndpoint("e2"));
        assertThat(endpoints()).containsExactly(moved);
    }

    @Test
    void deletingAServiceDeletesItsEndpoints() {
        write(tx -> {
            tx.catalog().insertService(service("s1", "identity"));
            tx.catalog().insertService(service("s2", "compute"));
            tx.catalog().insertEndpoint(endpoint("e1", "s1"));
            tx.catalog().insertEndpoint(endpoint("e2", "s1"));
            tx.catalog().insertEndpoint(endpoint("e3", "s2"));
        });
        write(tx -> tx.catalog().deleteService("s1"));
        assertThat(services()).extracting(Service::id).containsExactly("s2");
        assertThat(endpoints()).extracting(Endpoint::id).containsExactly("e3");
    }

    // ---- application credentials, revocations, secrets

    @Test
    void applicationCredentialsRoundTripWithRolesInOrder() {
        ApplicationCredential full = new ApplicationCredential("c1", "ci", "u1", "p1", "for CI", T1, true,
                List.of("r3", "r1", "r2"));
        ApplicationCredential bare = new ApplicationCredential("c2", "other", "u1", null, null, null, false, List.of());
        write(tx -> {
            tx.users().insert(user("u1", "alice", "d1"), null);
            tx.applicationCredentials().insert(full, "hash-1");
            tx.applicationCredentials().insert(bare, "hash-2");
        });
        assertThat(credentials()).containsExactly(full, bare);
        assertThat(secretHash("c1")).contains("hash-1");
        assertThat(secretHash("none")).isEmpty();

        write(tx -> tx.applicationCredentials().delete("c1"));
        assertThat(credentials()).containsExactly(bare);
        assertThat(count("application_credential_role")).isZero();
    }

    @Test
    void trustsRoundTripCountUsesAndDieWithTheirUsers() {
        Trust limited = new Trust("t1", "u1", "u2", "p1", true, T1, 3, List.of("r2", "r1"));
        Trust open = new Trust("t2", "u2", "u1", null, false, null, null, List.of());
        write(tx -> {
            tx.users().insert(user("u1", "alice", "d1"), null);
            tx.users().insert(user("u2", "bob", "d1"), null);
            tx.trusts().insert(limited);
            tx.trusts().insert(open);
        });
        assertThat(trusts()).containsExactly(limited, open);
        write(tx -> tx.trusts().setRemainingUses("t1", 2));
        assertThat(trusts().getFirst().remainingUses()).isEqualTo(2);
        write(tx -> tx.users().delete("u2"));
        assertThat(trusts()).isEmpty();
        assertThat(count("trust_role")).isZero();
    }

    @Test
    void applicationCredentialNamesAreUniquePerUser() {
        write(tx -> {
            tx.users().insert(user("u1", "alice", "d1"), null);
            tx.users().insert(user("u2", "bob", "d1"), null);
            tx.applicationCredentials().insert(credential("c1", "ci", "u1", List.of()), "h");
            tx.applicationCredentials().insert(credential("c2", "ci", "u2", List.of()), "h");
        });
        Throwable thrown = catchThrowable(() -> write(
                tx -> tx.applicationCredentials().insert(credential("c3", "ci", "u1", List.of()), "h")));
        assertThat(conflictOf(thrown).message()).contains("application credential").contains("name");
    }

    @Test
    void revocationEventsRoundTripAndExpire() {
        RevocationEvent byAudit = new RevocationEvent("audit-1", null, null, null, T1);
        RevocationEvent byUser = new RevocationEvent(null, "u1", "p1", "c1", T2);
        RevocationEvent again = new RevocationEvent("audit-1", null, null, null, T1);
        write(tx -> {
            tx.revocations().insert(byUser);
            tx.revocations().insert(byAudit);
            tx.revocations().insert(again);
        });
        assertThat(revocations()).containsExactly(byAudit, again, byUser);

        assertThat(expireRevocations(T1)).isZero();
        assertThat(expireRevocations(T1.plusMillis(1))).isEqualTo(2);
        assertThat(revocations()).containsExactly(byUser);
    }

    @Test
    void secretsArePutOnlyOnce() {
        assertThat(secret("token-key")).isEmpty();
        assertThat(putSecret("token-key", "first")).isEqualTo("first");
        assertThat(putSecret("token-key", "second")).isEqualTo("first");
        assertThat(secret("token-key")).contains("first");
    }

    // ---- transactions

    @Test
    void aWriteThatThrowsWritesNothingAndRethrowsTheSameException() {
        write(tx -> tx.domains().insert(domain("d0", "zero")));
        long before = store.generation();
        CloudException failure = CloudError.badRequest("no");

        Throwable thrown = catchThrowable(() -> write(tx -> {
            tx.domains().insert(domain("d1", "one"));
            tx.users().insert(user("u1", "alice", "d1"), "h");
            tx.domains().delete("d0");
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(domains()).extracting(Domain::id).containsExactly("d0");
        assertThat(users()).isEmpty();
        assertThat(store.generation()).isEqualTo(before);

        IllegalArgumentException bug = new IllegalArgumentException("bug");
        assertThat(catchThrowable(() -> write(tx -> {
            tx.secrets().putIfAbsent("k", "v");
            throw bug;
        }))).isSameAs(bug);
        assertThat(secret("k")).isEmpty();
        assertThat(store.generation()).isEqualTo(before);
    }

    @Test
    void generationCountsCommittedWritesOnly() {
        long start = store.generation();
        write(tx -> tx.domains().insert(domain("d1", "one")));
        assertThat(store.generation()).isEqualTo(start + 1);
        store.read(tx -> tx.domains().all());
        assertThat(store.generation()).isEqualTo(start + 1);
        int seen = store.write(tx -> tx.domains().all().size());
        assertThat(seen).isEqualTo(1);
        assertThat(store.generation()).isEqualTo(start + 2);
    }

    @Test
    void aReadCannotWrite() {
        assertThat(catchThrowable(() -> store.read(tx -> tx.secrets().putIfAbsent("k", "v"))))
                .isInstanceOf(JdbiException.class);
        assertThat(secret("k")).isEmpty();
    }

    @Test
    void aReadInsideAWriteSeesCommittedDataWithoutTheWritesOwnChanges() {
        write(tx -> tx.domains().insert(domain("d1", "one")));
        List<Domain> seenInside = store.write(tx -> {
            tx.domains().insert(domain("d2", "two"));
            return store.read(inner -> inner.domains().all());
        });
        assertThat(seenInside).extracting(Domain::id).containsExactly("d1");
        assertThat(domains()).extracting(Domain::id).containsExactly("d1", "d2");
    }

    @Test
    void writesCannotBeNestedNorReadsInReads() {
        assertThatThrownBy(() -> store.write(tx -> store.write(inner -> inner.domains().all())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.read(tx -> store.write(inner -> inner.domains().all())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.read(tx -> store.read(inner -> inner.domains().all())))
                .isInstanceOf(IllegalStateException.class);
        // A refusal must not leave the thread marked as inside a call.
        write(tx -> tx.domains().insert(domain("d1", "one")));
        assertThat(domains()).hasSize(1);
    }

    @Test
    void readsRunDuringAWriteAndSeeOnlyCommittedData() throws Exception {
        write(tx -> tx.domains().insert(domain("d1", "one")));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = pool.submit(() -> write(tx -> {
                tx.domains().insert(domain("d2", "two"));
                inserted.countDown();
                await(readDone);
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Domain> seen = store.read(tx -> tx.domains().all());
            readDone.countDown();
            writer.get(10, TimeUnit.SECONDS);
            assertThat(seen).extracting(Domain::id).containsExactly("d1");
            assertThat(domains()).extracting(Domain::id).containsExactly("d1", "d2");
        } finally {
            readDone.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritesAreSerialised() throws Exception {
        write(tx -> tx.domains().insert(new Domain("counter", "counter", "0", true, List.of(), Map.of())));
        long start = store.generation();
        AtomicInteger uncounted = new AtomicInteger();
        int threads = 3;
        int increments = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < increments; i++) {
                        // Read-modify-write: loses updates unless writes are serialised.
                        write(tx -> {
                            Domain d = tx.domains().all().getFirst();
                            int n = Integer.parseInt(d.description());
                            // Every write committed so far is counted before this one could begin.
                            if (store.generation() != start + n) {
                                uncounted.incrementAndGet();
                            }
                            tx.domains().update(new Domain(d.id(), d.name(), Integer.toString(n + 1), true,
                                    List.of(), Map.of()));
                        });
                    }
                }, pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(domains().getFirst().description())
                .isEqualTo(Integer.toString(threads * increments));
        assertThat(uncounted).hasValue(0);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
