package dev.kumo.core.identity.project;

import dev.kumo.model.identity.Project;
import java.util.function.Predicate;

/** Keystone's list filters for projects; null fields do not filter. */
public record ProjectFilter(String name, String domainId, String parentId, Boolean enabled, String tags,
                            String tagsAny, String notTags, String notTagsAny) implements Predicate<Project> {
    public static final ProjectFilter ALL = new ProjectFilter(null, null, null, null, null, null, null, null);

    @Override
    public boolean test(Project p) {
        return (name == null || name.equals(p.name()))
                && (domainId == null || domainId.equals(p.domainId()))
                && (parentId == null || parentId.equals(p.parentId() == null ? p.domainId() : p.parentId()))
                && (enabled == null || enabled == p.enabled())
                && (tags == null || p.tags().containsAll(java.util.List.of(tags.split(","))))
                && (tagsAny == null || java.util.Arrays.stream(tagsAny.split(",")).anyMatch(p.tags()::contains))
                && (notTags == null || !p.tags().containsAll(java.util.List.of(notTags.split(","))))
                && (notTagsAny == null || java.util.Arrays.stream(notTagsAny.split(",")).noneMatch(p.tags()::contains));
    }
}
