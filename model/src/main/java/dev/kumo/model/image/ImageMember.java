package dev.kumo.model.image;

import java.time.Instant;
import java.util.Objects;

/** Image {@code imageId} shared with project {@code memberId}. */
public record ImageMember(String imageId, String memberId, MemberStatus status, Instant createdAt, Instant updatedAt) {
    public ImageMember {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(status, "status");
    }
}
