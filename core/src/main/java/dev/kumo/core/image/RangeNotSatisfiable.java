package dev.kumo.core.image;

/** A download's Range lies outside the image's {@code total} bytes (HTTP 416, which the error model lacks). */
public final class RangeNotSatisfiable extends RuntimeException {
    private final long total;

    public RangeNotSatisfiable(long total) {
        super("The requested range is not satisfiable: the image has " + total + " bytes.", null, false, false);
        this.total = total;
    }

    public long total() {
        return total;
    }
}
