package dev.kumo.core.identity.domain;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.Extras;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.Validation;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Ids;
import java.util.List;
import java.util.Objects;

public final class DomainService {
    private final IdentityState state;

    public DomainService(IdentityState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    public Domain create(Token caller, DomainChanges in) {
        Policy.requireAdmin(caller, "identity:create_domain");
        return state.store().write(tx -> {
            String name = Validation.name(in.name(), "name", Validation.SHORT_NAME);
            requireUniqueName(state.current(), name, null);
            var domain = new Domain(Ids.newId(), name, in.description() == null ? "" : in.description(),
                    in.enabled() == null || in.enabled(), Validation.tags(in.tags()),
                    Extras.initial(in.extra()));
            tx.domains().insert(domain);
            return domain;
        });
    }

    public Domain get(Token caller, String id) {
        Policy.require(Policy.isReader(caller) || (caller.domain() != null && caller.domain().id().equals(id))
                || (caller.project() != null && caller.project().domainId().equals(id)), "identity:get_domain");
        return find(state.current(), id);
    }

    public List<Domain> list(Token caller, String name, Boolean enabled) {
        Policy.requireReader(caller, "identity:list_domains");
        return state.current().domains().values().stream()
                .filter(d -> name == null || d.name().equals(name))
                .filter(d -> enabled == null || d.enabled() == enabled).toList();
    }

    public Domain update(Token caller, String id, DomainChanges in) {
        Policy.requireAdmin(caller, "identity:update_domain");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Domain old = find(s, id);
            String name = in.name() == null ? old.name() : Validation.name(in.name(), "name", Validation.SHORT_NAME);
            requireUniqueName(s, name, id);
            var extra = Extras.merge(old.extra(), in.extra());
            var updated = new Domain(id, name, in.description() == null ? old.description() : in.description(),
                    in.enabled() == null ? old.enabled() : in.enabled(),
                    in.tags() == null ? old.tags() : Validation.tags(in.tags()), extra);
            tx.domains().update(updated);
            return updated;
        });
    }

    /** Deletes a disabled domain and everything in it: projects, users, groups, domain roles, grants. */
    public void delete(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_domain");
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Domain d = find(s, id);
            if (d.enabled()) {
                throw CloudError.forbidden("Cannot delete a domain that is enabled, please disable it first.");
            }
            if (Domain.DEFAULT_ID.equals(id)) {
                throw CloudError.forbidden("The default domain cannot be deleted: kumo's own accounts live in it.");
            }
            s.projects().values().stream().filter(p -> p.domainId().equals(id))
                    .sorted((a, b) -> s.ancestors(b).size() - s.ancestors(a).size())
                    .forEach(p -> { tx.assignments().deleteMentioning(p.id()); tx.projects().delete(p.id()); });
            s.users().values().stream().filter(u -> u.domainId().equals(id))
                    .forEach(u -> { tx.assignments().deleteMentioning(u.id()); tx.users().delete(u.id()); });
            s.groups().values().stream().filter(g -> g.domainId().equals(id))
                    .forEach(g -> { tx.assignments().deleteMentioning(g.id()); tx.groups().delete(g.id()); });
            s.roles().values().stream().filter(r -> id.equals(r.domainId()))
                    .forEach(r -> { tx.assignments().deleteMentioning(r.id()); tx.roles().delete(r.id()); });
            tx.assignments().deleteMentioning(id);
            tx.domains().delete(id);
            return null;
        });
    }

    public static Domain find(IdentitySnapshot s, String id) {
        return s.domain(id).orElseThrow(() -> CloudError.notFound("DomainNotFound", "Could not find domain: %s.", id));
    }

    private static void requireUniqueName(IdentitySnapshot s, String name, String exceptId) {
        s.domainByName(name).filter(d -> !d.id().equals(exceptId)).ifPresent(d -> {
            throw CloudError.conflict("Conflict", "Conflict occurred attempting to store domain - Duplicate entry "
                    + "found with name %s.", name);
        });
    }
}
