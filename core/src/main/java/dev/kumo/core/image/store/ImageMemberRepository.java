package dev.kumo.core.image.store;

import dev.kumo.model.image.ImageMember;
import java.util.List;
import java.util.Optional;

/** Who an image is shared with. */
public interface ImageMemberRepository {
    Optional<ImageMember> find(String imageId, String memberId);

    /** The image's members, oldest first. */
    List<ImageMember> list(String imageId);

    int count(String imageId);

    void insert(ImageMember member);

    void update(ImageMember member);

    void delete(String imageId, String memberId);
}
