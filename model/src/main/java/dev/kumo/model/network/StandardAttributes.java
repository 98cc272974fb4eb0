package dev.kumo.model.network;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What Neutron calls standard attributes: every network resource has them. Tags are a set, kept sorted so
 * that responses are stable; {@code revisionNumber} grows by one with every change, tags included.
 */
public record StandardAttributes(String description, List<String> tags, long revisionNumber, Instant createdAt,
                                 Instant updatedAt) {
    public StandardAttributes {
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(new TreeSet<>(tags));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new resource's attributes: revision 1, created and updated now. */
    public static StandardAttributes created(String description, Collection<String> tags, Instant now) {
        return new StandardAttributes(description == null ? "" : description, List.copyOf(tags), 1, now, now);
    }

    /** The same attributes one revision later, updated at {@code now}. */
    public StandardAttributes revised(Instant now) {
        return new StandardAttributes(description, tags, revisionNumber + 1, createdAt, now);
    }

    public StandardAttributes withDescription(String newDescription) {
        return new StandardAttributes(newDescription, tags, revisionNumber, createdAt, updatedAt);
    }

    public StandardAttributes withTags(Collection<String> newTags) {
        return new StandardAttributes(description, List.copyOf(newTags), revisionNumber, createdAt, updatedAt);
    }
}
