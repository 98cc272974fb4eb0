package dev.kumo.store.identity;

import dev.kumo.core.identity.store.ProjectRepository;
import dev.kumo.model.identity.Project;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Projects in {@code project}, their tags in {@code project_tag}. */
final class SqlProjectRepository implements ProjectRepository {
    private static final TagTable TAGS = new TagTable("project_tag", "project_id");

    private final Handle handle;

    SqlProjectRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Project> all() {
        Map<String, List<String>> tags = TAGS.all(handle);
        return handle.createQuery("""
                        SELECT id, name, domain_id, parent_id, description, enabled, extra FROM project ORDER BY id""")
                .map((rs, ctx) -> new Project(rs.getString("id"), rs.getString("name"), rs.getString("domain_id"),
                        rs.getString("parent_id"), rs.getString("description"), rs.getBoolean("enabled"),
                        tags.getOrDefault(rs.getString("id"), List.of()), ExtraJson.read(rs.getString("extra"))))
                .list();
    }

    @Override
    public void insert(Project project) {
        handle.createUpdate("""
                        INSERT INTO project (id, name, domain_id, parent_id, description, enabled, extra)
                        VALUES (:id, :name, :domainId, :parentId, :description, :enabled, :extra)""")
                .bind("id", project.id())
                .bind("name", project.name())
                .bind("domainId", project.domainId())
                .bind("parentId", project.parentId())
                .bind("description", project.description())
                .bind("enabled", project.enabled())
                .bind("extra", ExtraJson.write(project.extra()))
                .execute();
        TAGS.insert(handle, project.id(), project.tags());
    }

    @Override
    public void update(Project project) {
        int rows = handle.createUpdate("""
                        UPDATE project SET name = :name, domain_id = :domainId, parent_id = :parentId,
                            description = :description, enabled = :enabled, extra = :extra
                        WHERE id = :id""")
                .bind("id", project.id())
                .bind("name", project.name())
                .bind("domainId", project.domainId())
                .bind("parentId", project.parentId())
                .bind("description", project.description())
                .bind("enabled", project.enabled())
                .bind("extra", ExtraJson.write(project.extra()))
                .execute();
        Columns.requireUpdated(rows, "project", project.id());
        TAGS.replace(handle, project.id(), project.tags());
    }

    /** Its tags go with it (foreign key cascade); child projects and assignments are the service's concern. */
    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM project WHERE id = :id").bind("id", id).execute();
    }
}
