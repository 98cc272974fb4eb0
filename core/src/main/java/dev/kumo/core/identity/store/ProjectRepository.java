package dev.kumo.core.identity.store;

import dev.kumo.model.identity.Project;
import java.util.List;

public interface ProjectRepository {
    List<Project> all();

    void insert(Project project);

    void update(Project project);

    void delete(String id);
}
