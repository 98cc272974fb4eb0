package dev.kumo.core.network.query;

/**
 * Which page of a sorted list: at most {@code limit} items (null: all) after the item whose id is
 * {@code marker} (null: from the start); {@code reverse} pages backwards from the marker, and the items still
 * come back in the requested order.
 */
public record PageRequest(Integer limit, String marker, boolean reverse) {
    public static final PageRequest ALL = new PageRequest(null, null, false);

    public PageRequest {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }
}
