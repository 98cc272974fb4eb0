package dev.kumo.core.identity.assignment;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.model.identity.Project;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Set;

/** The projects an inherited grant reaches: everything below a project, or every project of a domain. */
final class ProjectTree {
    private ProjectTree() {}

    /** Every project below {@code projectId}, not including it, parents before children. */
    static Set<String> descendants(IdentitySnapshot s, String projectId) {
        Set<String> found = new LinkedHashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>();
        todo.add(projectId);
        while (!todo.isEmpty()) {
            String parent = todo.poll();
            for (Project p : s.projects().values()) {
                if (parent.equals(p.parentId()) && found.add(p.id())) {
                    todo.add(p.id());
                }
            }
        }
        return found;
    }

    static Set<String> inDomain(IdentitySnapshot s, String domainId) {
        Set<String> found = new LinkedHashSet<>();
        s.projects().values().stream().filter(p -> p.domainId().equals(domainId)).forEach(p -> found.add(p.id()));
        return found;
    }
}
