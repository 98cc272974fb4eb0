package dev.kumo.store.identity;

import static dev.kumo.store.identity.Fixtures.domain;
import static dev.kumo.store.identity.Fixtures.project;
import static dev.kumo.store.identity.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.store.StoredCredential;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.DomainConfigOption;
import dev.kumo.model.identity.EndpointGroup;
import dev.kumo.model.identity.PolicyDocument;
import dev.kumo.store.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the V4 repositories (credentials, policies, endpoint groups, domain configuration) must do on every
 * database: round trips with nulls and extra maps, filters, and rows deleted with their owner. Subclasses give
 * each test a new, empty database.
 */
abstract class IdentityExtrasStoreContract {
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
        write(tx -> {
            tx.domains().insert(domain("d1", "one"));
            tx.users().insert(user("u1", "alice", "d1"), null);
            tx.users().insert(user("u2", "bob", "d1"), null);
            tx.projects().insert(project("p1", "web", "d1"));
        });
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

    // Typed shorthands: AssertJ's overloaded assertThat cannot infer the type of a generic store.read(...).

    private List<StoredCredential> credentials(String userId, String type) {
        return store.read(tx -> tx.credentials().list(userId, type));
    }

    private Optional<StoredCredential> credential(String id) { return store.read(tx -> tx.credentials().get(id)); }

    private List<PolicyDocument> policies(String type) { return store.read(tx -> tx.policies().list(type)); }

    private List<EndpointGroup> endpointGroups() { return store.read(tx -> tx.endpointGroups().all()); }

    private List<DomainConfigOption> options(String domainId) { return store.read(tx -> tx.domainConfigs().options(domainId)); }

    private boolean deleteCredential(String id) { return store.write(tx -> tx.credentials().delete(id)); }

    private Optional<PolicyDocument> policy(String id) { return store.read(tx -> tx.policies().get(id)); }

    private boolean deletePolicy(String id) { return store.write(tx -> tx.policies().delete(id)); }

    private Optional<EndpointGroup> endpointGroup(String id) { return store.read(tx -> tx.endpointGroups().get(id)); }

    private boolean deleteEndpointGroup(String id) { return store.write(tx -> tx.endpointGroups().delete(id)); }

    private int deleteOptions(String domainId, String group, String option) {
        return store.write(tx -> tx.domainConfigs().delete(domainId, group, option));
    }

    private static StoredCredential sealed(String id, String userId, String projectId, String type) {
        return new StoredCredential(id, userId, projectId, type, "sealed-" + id, "hash", Map.of("label", "x"));
    }

    @Test
    void credentialsRoundTripAndFilterByUserAndType() {
        write(tx -> {
            tx.credentials().insert(sealed("c2", "u1", "p1", "ec2"));
            tx.credentials().insert(sealed("c1", "u1", null, "totp"));
            tx.credentials().insert(sealed("c3", "u2", null, "totp"));
        });
        assertThat(credential("c1")).contains(sealed("c1", "u1", null, "totp"));
        assertThat(credentials(null, null)).extracting(StoredCredential::id).containsExactly("c1", "c2", "c3");
        assertThat(credentials("u1", null)).extracting(StoredCredential::id).containsExactly("c1", "c2");
        assertThat(credentials(null, "totp")).extracting(StoredCredential::id).containsExactly("c1", "c3");
        assertThat(credentials("u1", "ec2")).containsExactly(sealed("c2", "u1", "p1", "ec2"));

        var changed = new StoredCredential("c2", "u2", null, "cert", "resealed", "hash2", Map.of());
        write(tx -> tx.credentials().update(changed));
        assertThat(credential("c2")).contains(changed);
        assertThat(deleteCredential("c2")).isTrue();
        assertThat(deleteCredential("c2")).isFalse();
        assertThat(credential("c2")).isEmpty();
        assertThatThrownBy(() -> write(tx -> tx.credentials().update(changed))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentialsGoWithTheirUserOrTheirProject() {
        write(tx -> {
            tx.credentials().insert(sealed("c1", "u1", null, "totp"));
            tx.credentials().insert(sealed("c2", "u2", "p1", "ec2"));
            tx.credentials().insert(sealed("c3", "u2", null, "totp"));
        });
        write(tx -> tx.users().delete("u1"));
        write(tx -> tx.projects().delete("p1"));
        assertThat(credentials(null, null)).extracting(StoredCredential::id).containsExactly("c3");
    }

    @Test
    void duplicateCredentialIdsAreConflicts() {
        write(tx -> tx.credentials().insert(sealed("c1", "u1", null, "totp")));
        assertThatThrownBy(() -> write(tx -> tx.credentials().insert(sealed("c1", "u2", null, "totp"))))
                .isInstanceOf(CloudException.class);
    }

    @Test
    void policiesRoundTripAndFilterByType() {
        var json = new PolicyDocument("a1", "application/json", "{\"x\": 1}", Map.of("owner", "ops"));
        var text = new PolicyDocument("a2", "text/plain", "allow all", Map.of());
        write(tx -> {
            tx.policies().insert(text);
            tx.policies().insert(json);
        });
        assertThat(policies(null)).containsExactly(json, text);
        assertThat(policies("text/plain")).containsExactly(text);
        var changed = new PolicyDocument("a1", "text/plain", "deny", Map.of());
        write(tx -> tx.policies().update(changed));
        assertThat(policy("a1")).contains(changed);
        assertThat(deletePolicy("a1")).isTrue();
        assertThat(policies(null)).containsExactly(text);
    }

    @Test
    void endpointGroupsRoundTripWithTheirFilters() {
        var group = new EndpointGroup("g1", "public", null, Map.of("interface", "public", "service_id", "s1"));
        write(tx -> tx.endpointGroups().insert(group));
        assertThat(endpointGroups()).containsExactly(group);
        var changed = new EndpointGroup("g1", "renamed", "desc", Map.of("region_id", "RegionOne"));
        write(tx -> tx.endpointGroups().update(changed));
        assertThat(endpointGroup("g1")).contains(changed);
        assertThat(deleteEndpointGroup("g1")).isTrue();
        assertThat(endpointGroups()).isEmpty();
    }

    @Test
    void domainConfigOptionsUpsertDeleteByScopeAndGoWithTheDomain() {
        write(tx -> tx.domainConfigs().put(List.of(
                new DomainConfigOption("d1", "ldap", "url", "ldap://a", false),
                new DomainConfigOption("d1", "identity", "list_limit", 5, false),
                new DomainConfigOption("d1", "ldap", "password", Map.of("sealed", "x"), true),
                new DomainConfigOption("d1", "ldap", "user_attribute_ignore", List.of("a", "b"), false))));
        assertThat(options("d1")).containsExactly(
                new DomainConfigOption("d1", "identity", "list_limit", 5, false),
                new DomainConfigOption("d1", "ldap", "password", Map.of("sealed", "x"), true),
                new DomainConfigOption("d1", "ldap", "url", "ldap://a", false),
                new DomainConfigOption("d1", "ldap", "user_attribute_ignore", List.of("a", "b"), false));

        write(tx -> tx.domainConfigs().put(List.of(new DomainConfigOption("d1", "ldap", "url", "ldap://b", false))));
        assertThat(options("d1")).contains(new DomainConfigOption("d1", "ldap", "url", "ldap://b", false)).hasSize(4);

        assertThat(deleteOptions("d1", "ldap", "url")).isEqualTo(1);
        assertThat(deleteOptions("d1", "ldap", null)).isEqualTo(2);
        assertThat(options("d1")).extracting(DomainConfigOption::option).containsExactly("list_limit");
        write(tx -> tx.domainConfigs().put(List.of(new DomainConfigOption("d1", "ldap", "url", "ldap://c", false))));
        write(tx -> tx.domains().delete("d1"));
        assertThat(options("d1")).isEmpty();
    }
}
