package dev.kumo.model.image;

/**
 * What is known about an image's bytes once they are stored: their size, md5 (Glance's {@code checksum}),
 * sha512 ({@code os_hash_value}) and, when the format has one, the virtual disk size.
 */
public record ImageData(long size, String md5, String sha512, Long virtualSize) {
    /** Glance's default {@code hashing_algorithm}. */
    public static final String HASH_ALGO = "sha512";
}
