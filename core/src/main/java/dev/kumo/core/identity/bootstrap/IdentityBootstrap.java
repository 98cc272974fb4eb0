package dev.kumo.core.identity.bootstrap;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.password.PasswordHasher;
import dev.kumo.core.identity.role.RoleOptions;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Endpoint;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Region;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.Service;
import dev.kumo.model.identity.TargetType;
import dev.kumo.model.identity.User;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes sure the accounts of a Packstack all-in-one exist: domain {@code Default}; projects {@code admin},
 * {@code demo}, {@code service}; users {@code admin} (admin on project admin and on the system) and
 * {@code demo} (member on demo); roles admin ⇒ member ⇒ reader; the region; a catalog entry per API.
 * Idempotent: it only adds what is missing and corrects catalog URLs, so it runs at every start.
 */
public final class IdentityBootstrap {
    private final IdentityState state;
    private final PasswordHasher hasher;

    public IdentityBootstrap(IdentityState state, PasswordHasher hasher) {
        this.state = Objects.requireNonNull(state, "state");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    public void run(BootstrapSettings settings) {
        state.store().write(tx -> {
            IdentitySnapshot s = IdentitySnapshot.load(-1, tx);
            if (s.domain(Domain.DEFAULT_ID).isEmpty()) {
                tx.domains().insert(new Domain(Domain.DEFAULT_ID, "Default", "The default domain", true, List.of(), Map.of()));
            }
            String admin = role(tx, s, "admin");
            String member = role(tx, s, "member");
            String reader = role(tx, s, "reader");
            imply(tx, s, admin, member);
            imply(tx, s, member, reader);
            String adminProject = project(tx, s, "admin", "Bootstrap project for initializing the cloud.");
            String demoProject = project(tx, s, "demo", "The demo project, as Packstack makes it.");
            project(tx, s, "service", "Project for the services' own users.");
            String adminUser = user(tx, s, "admin", settings.adminPassword(), adminProject);
            String demoUser = user(tx, s, "demo", settings.demoPassword(), demoProject);
            tx.assignments().grant(new RoleAssignment(ActorType.USER, adminUser, TargetType.PROJECT, adminProject, admin, false));
            tx.assignments().grant(new RoleAssignment(ActorType.USER, adminUser, TargetType.SYSTEM, TargetType.SYSTEM_ALL, admin, false));
            tx.assignments().grant(new RoleAssignment(ActorType.USER, demoUser, TargetType.PROJECT, demoProject, member, false));
            if (!s.regions().containsKey(settings.regionId())) {
                tx.catalog().insertRegion(new Region(settings.regionId(), "", null, Map.of()));
            }
            settings.catalog().forEach(entry -> catalog(tx, s, entry, settings.regionId()));
            return null;
        });
    }

    private static String role(IdentityTx tx, IdentitySnapshot s, String name) {
        return s.globalRoleByName(name).map(Role::id).orElseGet(() -> {
            // immutable, as keystone-manage bootstrap makes them: policy depends on these names
            var role = new Role(Ids.newId(), name, null, "", Map.of(RoleOptions.KEY, Map.of(RoleOptions.IMMUTABLE, true)));
            tx.roles().insert(role);
            return role.id();
        });
    }

    private static void imply(IdentityTx tx, IdentitySnapshot s, String prior, String implied) {
        var rule = new ImpliedRole(prior, implied);
        if (!s.implications().contains(rule)) {
            tx.roles().addImplication(rule);
        }
    }

    private static String project(IdentityTx tx, IdentitySnapshot s, String name, String description) {
        return s.projectByName(Domain.DEFAULT_ID, name).map(Project::id).orElseGet(() -> {
            var p = new Project(Ids.newId(), name, Domain.DEFAULT_ID, null, description, true, List.of(), Map.of());
            tx.projects().insert(p);
            return p.id();
        });
    }

    private String user(IdentityTx tx, IdentitySnapshot s, String name, String password, String projectId) {
        return s.userByName(Domain.DEFAULT_ID, name).map(User::id).orElseGet(() -> {
            var u = new User(Ids.newId(), name, Domain.DEFAULT_ID, true, projectId, null, null, null, null, Map.of());
            tx.users().insert(u, hasher.hash(password));
            return u.id();
        });
    }

    private static void catalog(IdentityTx tx, IdentitySnapshot s, CatalogEntry entry, String region) {
        Service service = s.services().values().stream().filter(x -> x.type().equals(entry.type())).findFirst()
                .orElseGet(() -> {
                    var created = new Service(Ids.newId(), entry.type(), entry.name(), entry.description(), true, Map.of());
                    tx.catalog().insertService(created);
                    return created;
                });
        for (String iface : List.of("public", "internal", "admin")) {
            var existing = s.endpoints().values().stream()
                    .filter(e -> e.serviceId().equals(service.id()) && e.iface().equals(iface)).findFirst();
            if (existing.isEmpty()) {
                tx.catalog().insertEndpoint(new Endpoint(Ids.newId(), service.id(), iface, entry.url(), region, true, Map.of()));
            } else if (!existing.get().url().equals(entry.url())) {
                var e = existing.get();
                tx.catalog().updateEndpoint(new Endpoint(e.id(), e.serviceId(), e.iface(), entry.url(), e.regionId(),
                        e.enabled(), e.extra()));
            }
        }
    }
}
