package dev.kumo.core.identity;

import dev.kumo.core.identity.store.ApplicationCredentialRepository;
import dev.kumo.core.identity.store.AssignmentRepository;
import dev.kumo.core.identity.store.CatalogRepository;
import dev.kumo.core.identity.store.CredentialRepository;
import dev.kumo.core.identity.store.DomainConfigRepository;
import dev.kumo.core.identity.store.DomainRepository;
import dev.kumo.core.identity.store.EndpointGroupRepository;
import dev.kumo.core.identity.store.GroupRepository;
import dev.kumo.core.identity.store.IdentityStore;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.store.PolicyRepository;
import dev.kumo.core.identity.store.ProjectRepository;
import dev.kumo.core.identity.store.RevocationRepository;
import dev.kumo.core.identity.store.RoleRepository;
import dev.kumo.core.identity.store.SecretRepository;
import dev.kumo.core.identity.store.TrustRepository;
import dev.kumo.model.identity.Trust;
import dev.kumo.core.identity.store.StoredCredential;
import dev.kumo.core.identity.store.UserRepository;
import dev.kumo.core.identity.token.RevocationEvent;
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
import dev.kumo.model.identity.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A map-backed identity store for core tests: just enough of the ports for the services under test.
 * Writes are not rolled back on failure, which the tests do not rely on; the catalog, revocations,
 * secrets and passwords are empty and read-only; credentials are kept, while policies, endpoint groups and
 * domain configuration are not supported.
 */
public final class InMemoryIdentityStore implements IdentityStore, IdentityTx {
    private final Map<String, Trust> trusts = new java.util.LinkedHashMap<>();
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<GroupRepository.Membership> memberships = new ArrayList<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final List<ImpliedRole> implications = new ArrayList<>();
    private final List<RoleAssignment> assignments = new ArrayList<>();
    private final Map<String, ApplicationCredential> credentials = new LinkedHashMap<>();
    private final Map<String, StoredCredential> storedCredentials = new java.util.TreeMap<>();
    private long generation;

    @Override
    public synchronized <T> T read(Function<IdentityTx, T> work) {
        return work.apply(this);
    }

    @Override
    public synchronized <T> T write(Function<IdentityTx, T> work) {
        try {
            return work.apply(this);
        } finally {
            generation++;
        }
    }

    @Override
    public synchronized long generation() {
        return generation;
    }

    @Override
    public DomainRepository domains() {
        return new DomainRepository() {
            public List<Domain> all() { return List.copyOf(domains.values()); }
            public void insert(Domain d) { domains.put(d.id(), d); }
            public void update(Domain d) { domains.put(d.id(), d); }
            public void delete(String id) { domains.remove(id); }
        };
    }

    @Override
    public ProjectRepository projects() {
        return new ProjectRepository() {
            public List<Project> all() { return List.copyOf(projects.values()); }
            public void insert(Project p) { projects.put(p.id(), p); }
            public void update(Project p) { projects.put(p.id(), p); }
            public void delete(String id) { projects.remove(id); }
        };
    }

    @Override
    public UserRepository users() {
        return new UserRepository() {
            public List<User> all() { return List.copyOf(users.values()); }
            public void insert(User u, String passwordHash) { users.put(u.id(), u); }
            public void update(User u) { users.put(u.id(), u); }
            public void delete(String id) { users.remove(id); }
            public Optional<String> passwordHash(String userId) { return Optional.empty(); }
            public void setPassword(String userId, String hash, Instant changedAt, Instant expiresAt) { }
        };
    }

    @Override
    public GroupRepository groups() {
        return new GroupRepository() {
            public List<Group> all() { return List.copyOf(groups.values()); }
            public void insert(Group g) { groups.put(g.id(), g); }
            public void update(Group g) { groups.put(g.id(), g); }
            public void delete(String id) { groups.remove(id); memberships.removeIf(m -> m.groupId().equals(id)); }
            public List<Membership> memberships() { return List.copyOf(memberships); }
            public void addMember(String groupId, String userId) { memberships.add(new Membership(groupId, userId)); }
            public void removeMember(String groupId, String userId) { memberships.remove(new Membership(groupId, userId)); }
        };
    }

    @Override
    public RoleRepository roles() {
        return new RoleRepository() {
            public List<Role> all() { return List.copyOf(roles.values()); }
            public void insert(Role r) { roles.put(r.id(), r); }
            public void update(Role r) { roles.put(r.id(), r); }
            public void delete(String id) {
                roles.remove(id);
                implications.removeIf(i -> i.priorRoleId().equals(id) || i.impliedRoleId().equals(id));
            }
            public List<ImpliedRole> implications() { return List.copyOf(implications); }
            public void addImplication(ImpliedRole rule) { if (!implications.contains(rule)) implications.add(rule); }
            public void removeImplication(ImpliedRole rule) { implications.remove(rule); }
        };
    }

    @Override
    public AssignmentRepository assignments() {
        return new AssignmentRepository() {
            public List<RoleAssignment> all() { return List.copyOf(assignments); }
            public void grant(RoleAssignment a) { if (!assignments.contains(a)) assignments.add(a); }
            public boolean revoke(RoleAssignment a) { return assignments.remove(a); }
            public void deleteMentioning(String id) {
                assignments.removeIf(a -> a.actorId().equals(id) || a.targetId().equals(id) || a.roleId().equals(id));
            }
        };
    }

    @Override
    public CatalogRepository catalog() {
        return new CatalogRepository() {
            public List<Region> regions() { return List.of(); }
            public void insertRegion(Region region) { throw new UnsupportedOperationException(); }
            public void updateRegion(Region region) { throw new UnsupportedOperationException(); }
            public void deleteRegion(String id) { throw new UnsupportedOperationException(); }
            public List<Service> services() { return List.of(); }
            public void insertService(Service service) { throw new UnsupportedOperationException(); }
            public void updateService(Service service) { throw new UnsupportedOperationException(); }
            public void deleteService(String id) { throw new UnsupportedOperationException(); }
            public List<Endpoint> endpoints() { return List.of(); }
            public void insertEndpoint(Endpoint endpoint) { throw new UnsupportedOperationException(); }
            public void updateEndpoint(Endpoint endpoint) { throw new UnsupportedOperationException(); }
            public void deleteEndpoint(String id) { throw new UnsupportedOperationException(); }
        };
    }

    @Override
    public ApplicationCredentialRepository applicationCredentials() {
        return new ApplicationCredentialRepository() {
            public List<ApplicationCredential> all() { return List.copyOf(credentials.values()); }
            public void insert(ApplicationCredential c, String secretHash) { credentials.put(c.id(), c); }
            public Optional<String> secretHash(String id) { return Optional.empty(); }
            public void delete(String id) { credentials.remove(id); }
        };
    }

    @Override
    public RevocationRepository revocations() {
        return new RevocationRepository() {
            public List<RevocationEvent> all() { return List.of(); }
            public void insert(RevocationEvent event) { throw new UnsupportedOperationException(); }
            public int deleteIssuedBefore(Instant cutoff) { return 0; }
        };
    }

    @Override
    public SecretRepository secrets() {
        return new SecretRepository() {
            public Optional<String> get(String name) { return Optional.empty(); }
            public String putIfAbsent(String name, String value) { throw new UnsupportedOperationException(); }
        };
    }

    @Override
    public CredentialRepository credentials() {
        return new CredentialRepository() {
            public List<StoredCredential> list(String userId, String type) {
                return storedCredentials.values().stream()
                        .filter(c -> (userId == null || userId.equals(c.userId())) && (type == null || type.equals(c.type())))
                        .toList();
            }
            public Optional<StoredCredential> get(String id) { return Optional.ofNullable(storedCredentials.get(id)); }
            public void insert(StoredCredential c) { storedCredentials.put(c.id(), c); }
            public void update(StoredCredential c) { storedCredentials.put(c.id(), c); }
            public boolean delete(String id) { return storedCredentials.remove(id) != null; }
        };
    }

    @Override
    public PolicyRepository policies() {
        throw new UnsupportedOperationException("policies are not kept by the in-memory store");
    }

    @Override
    public EndpointGroupRepository endpointGroups() {
        throw new UnsupportedOperationException("endpoint groups are not kept by the in-memory store");
    }

    @Override
    public DomainConfigRepository domainConfigs() {
        throw new UnsupportedOperationException("domain configuration is not kept by the in-memory store");
    }

    @Override
    public TrustRepository trusts() {
        return new TrustRepository() {
            public List<Trust> all() { return List.copyOf(trusts.values()); }
            public void insert(Trust trust) { trusts.put(trust.id(), trust); }
            public void setRemainingUses(String id, int n) {
                Trust t = trusts.get(id);
                trusts.put(id, new Trust(t.id(), t.trustorUserId(), t.trusteeUserId(), t.projectId(), t.impersonation(),
                        t.expiresAt(), n, t.roleIds()));
            }
            public void delete(String id) { trusts.remove(id); }
        };
    }
}
