package dev.kumo.core.image;

import dev.kumo.core.image.store.SortKey;
import dev.kumo.model.image.MemberStatus;
import dev.kumo.model.image.Visibility;
import java.util.List;
import java.util.Map;

/**
 * A listing request as parsed from Glance's query string; see {@link dev.kumo.core.image.store.ImageQuery} for
 * the meaning of each field. {@code memberStatus} null means "all".
 */
public record ImageFilter(Visibility visibility, boolean allVisibilities, MemberStatus memberStatus, List<String> ids,
                          List<String> names, String status, String owner, String diskFormat, String containerFormat,
                          Long size, Long sizeMin, Long sizeMax, String checksum, String osHashValue, Boolean isProtected, boolean osHidden, List<String> tags,
                          Map<String, String> properties, List<SortKey> sort, String marker, int limit) {
    /** The images with this name and visibility that the caller may see, newest first: for internal look-ups. */
    public static ImageFilter named(String name, Visibility visibility) {
        return new ImageFilter(visibility, false, MemberStatus.ACCEPTED, null, List.of(name), null, null, null, null,
                null, null, null, null, null, null, false, List.of(), Map.of(),
                List.of(new SortKey(SortKey.Field.CREATED_AT, false)), null, 25);
    }
}
