package dev.kumo.core.image;

/**
 * A requested byte range: {@code first}..{@code last} inclusive, either may be null (HTTP's {@code bytes=5-},
 * and {@code bytes=-5} which is {@code suffix} = 5 with both null).
 */
public record ByteRange(Long first, Long last, Long suffix) {
    /** The whole data. */
    public static final ByteRange ALL = new ByteRange(0L, null, null);

    /** {@code [offset, length]} within {@code total} bytes, or null when the range cannot be satisfied. */
    long[] resolve(long total) {
        if (suffix != null) {
            long length = Math.min(suffix, total);
            return length <= 0 ? null : new long[] {total - length, length};
        }
        long start = first == null ? 0 : first;
        long end = last == null ? total - 1 : Math.min(last, total - 1);
        if (start >= total || end < start) {
            return total == 0 && this == ALL ? new long[] {0, 0} : null;
        }
        return new long[] {start, end - start + 1};
    }
}
