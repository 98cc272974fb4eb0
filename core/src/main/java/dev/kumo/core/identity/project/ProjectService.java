package dev.kumo.core.identity.project;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.Extras;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.Validation;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.Project;
import java.util.List;
import java.util.Objects;

public final class ProjectService {
    private final IdentityState state;

    public ProjectService(IdentityState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    public Project create(Token caller, ProjectChanges in) {
        Policy.requireAdmin(caller, "identity:create_project");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            String name = Validation.name(in.name(), "name", Validation.SHORT_NAME);
            String domainId = in.domainId() != null ? in.domainId() : defaultDomain(caller);
            requireDomain(s, domainId);
            String parentId = in.parentId() == null || in.parentId().equals(domainId) ? null : in.parentId();
            if (parentId != null) {
                Project parent = s.project(parentId).orElseThrow(() -> CloudError.notFound("ProjectNotFound",
                        "Could not find project: %s.", in.parentId()));
                if (!parent.domainId().equals(domainId)) {
                    throw CloudError.badRequest("Cannot create project, the parent (%s) is in domain %s but the "
                            + "project would be in domain %s.", parentId, parent.domainId(), domainId);
                }
            }
            requireUniqueName(s, domainId, name, null);
            var project = new Project(Ids.newId(), name, domainId, parentId, orEmpty(in.description()),
                    in.enabled() == null || in.enabled(), Validation.tags(in.tags()), Extras.initial(in.extra()));
            tx.projects().insert(project);
            return project;
        });
    }

    public Project get(Token caller, String id) {
        Policy.require(Policy.isReader(caller) || id.equals(caller.projectId()), "identity:get_project");
        return find(state.current(), id);
    }

    public List<Project> list(Token caller, ProjectFilter filter) {
        Policy.requireReader(caller, "identity:list_projects");
        return state.current().projects().values().stream().filter(filter).toList();
    }

    public Project update(Token caller, String id, ProjectChanges in) {
        Policy.requireAdmin(caller, "identity:update_project");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Project old = find(s, id);
            if (in.domainId() != null && !in.domainId().equals(old.domainId())) {
                throw CloudError.badRequest("Update of `domain_id` is not allowed.");
            }
            if (in.parentId() != null && !in.parentId().equals(old.parentId() == null ? old.domainId() : old.parentId())) {
                throw CloudError.forbidden("Update of `parent_id` is not allowed.");
            }
            String name = in.name() == null ? old.name() : Validation.name(in.name(), "name", Validation.SHORT_NAME);
            requireUniqueName(s, old.domainId(), name, id);
            var extra = Extras.merge(old.extra(), in.extra());
            var updated = new Project(id, name, old.domainId(), old.parentId(),
                    in.description() == null ? old.description() : in.description(),
                    in.enabled() == null ? old.enabled() : in.enabled(),
                    in.tags() == null ? old.tags() : Validation.tags(in.tags()), extra);
            tx.projects().update(updated);
            return updated;
        });
    }

    /** Replaces the project's tags ({@code PUT /projects/{id}/tags}, {@code DELETE} with an empty list). */
    public Project setTags(Token caller, String id, List<String> tags) {
        Policy.requireAdmin(caller, "identity:update_project_tags");
        return state.store().write(tx -> {
            Project old = find(state.current(), id);
            var updated = new Project(id, old.name(), old.domainId(), old.parentId(), old.description(), old.enabled(),
                    Validation.tags(tags), old.extra());
            tx.projects().update(updated);
            return updated;
        });
    }

    public Project addTag(Token caller, String id, String tag) {
        Project p = get(caller, id);
        List<String> tags = new java.util.ArrayList<>(p.tags());
        tags.add(tag);
        return setTags(caller, id, tags);
    }

    public Project removeTag(Token caller, String id, String tag) {
        Project p = get(caller, id);
        if (!p.tags().contains(tag)) {
            throw CloudError.notFound("TagNotFound", "Tag %s not found on project %s.", tag, id);
        }
        return setTags(caller, id, p.tags().stream().filter(t -> !t.equals(tag)).toList());
    }

    public void delete(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_project");
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Project p = find(s, id);
            if (s.projects().values().stream().anyMatch(c -> id.equals(c.parentId()))) {
                throw CloudError.forbidden("Cannot delete the project %s since it is not a leaf in the hierarchy. "
                        + "Delete its subprojects first.", p.id());
            }
            tx.assignments().deleteMentioning(id);
            s.applicationCredentials().values().stream().filter(c -> id.equals(c.projectId()))
                    .forEach(c -> tx.applicationCredentials().delete(c.id()));
            s.trusts().values().stream().filter(t -> id.equals(t.projectId())).forEach(t -> tx.trusts().delete(t.id()));
            tx.projects().delete(id);
            return null;
        });
    }

    /** Projects a user has any role on (directly, through a group, or inherited). */
    public List<Project> projectsOfUser(IdentitySnapshot s, String userId) {
        return s.projects().values().stream()
                .filter(p -> !dev.kumo.core.identity.EffectiveRoles.of(s, userId,
                        dev.kumo.core.identity.token.TokenScope.project(p.id())).isEmpty())
                .toList();
    }

    public static Project find(IdentitySnapshot s, String id) {
        return s.project(id).orElseThrow(() -> CloudError.notFound("ProjectNotFound", "Could not find project: %s.", id));
    }

    private static String defaultDomain(Token caller) {
        if (caller.domain() != null) {
            return caller.domain().id();
        }
        return caller.project() != null ? caller.project().domainId() : Domain.DEFAULT_ID;
    }

    private static void requireDomain(IdentitySnapshot s, String domainId) {
        if (s.domain(domainId).isEmpty()) {
            throw CloudError.notFound("DomainNotFound", "Could not find domain: %s.", domainId);
        }
    }

    private static void requireUniqueName(IdentitySnapshot s, String domainId, String name, String exceptId) {
        s.projectByName(domainId, name).filter(p -> !p.id().equals(exceptId)).ifPresent(p -> {
            throw CloudError.conflict("Conflict", "Conflict occurred attempting to store project - it is not "
                    + "permitted to have two projects with the same name in the same domain : %s.", name);
        });
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

}
