package dev.kumo.core.image.store;

import dev.kumo.model.image.Image;
import dev.kumo.model.image.MemberStatus;
import dev.kumo.model.image.Visibility;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A page of an image listing, as Glance's {@code GET /v2/images} defines it.
 *
 * <p>Access: an admin ({@code admin}) sees every image; anyone else sees images its project owns, public and
 * community images, and shared images whose member it is with {@code memberStatus} (null: any status).
 * Visibility: {@code visibility} null lists every visibility except community images of other owners;
 * {@code allVisibilities} lists every visibility; otherwise only that one.
 *
 * @param viewerProject the caller's project, or null
 * @param ids           only these ids (Glance's {@code id=in:a,b}), or null
 * @param names         only these names ({@code name=in:...} or {@code name=x}), or null
 * @param properties    custom properties that must have these values
 * @param marker        the last image of the previous page, or null for the first page
 */
public record ImageQuery(String viewerProject, boolean admin, Visibility visibility, boolean allVisibilities,
                         MemberStatus memberStatus, List<String> ids, List<String> names, String status, String owner,
                         String diskFormat, String containerFormat, Long size, Long sizeMin, Long sizeMax,
                         String checksum, String osHashValue, Boolean isProtected,
                         boolean osHidden, List<String> tags, Map<String, String> properties, List<SortKey> sort,
                         Image marker, int limit) {
    public ImageQuery {
        tags = List.copyOf(tags);
        properties = Map.copyOf(properties);
        sort = List.copyOf(sort);
        Objects.requireNonNull(sort, "sort");
    }
}
