package dev.kumo.core.image;

/**
 * @param storageQuotaBytes most bytes of image data one project may store (0: no limit), as Glance's
 *                          {@code user_storage_quota}
 * @param membersPerImage   most members an image may have (Glance's {@code image_member_quota})
 * @param tagsPerImage      most tags an image may have (Glance's {@code image_tag_quota})
 * @param propertiesPerImage most custom properties an image may have (Glance's {@code image_property_quota})
 */
public record ImageSettings(long storageQuotaBytes, int membersPerImage, int tagsPerImage, int propertiesPerImage) {
    public static final int DEFAULT_MEMBERS = 128;
    public static final int DEFAULT_TAGS = 128;
    public static final int DEFAULT_PROPERTIES = 128;

    public ImageSettings {
        if (storageQuotaBytes < 0) {
            throw new IllegalArgumentException("storage quota must not be negative: " + storageQuotaBytes);
        }
    }

    public static ImageSettings withQuota(long storageQuotaBytes) {
        return new ImageSettings(storageQuotaBytes, DEFAULT_MEMBERS, DEFAULT_TAGS, DEFAULT_PROPERTIES);
    }
}
