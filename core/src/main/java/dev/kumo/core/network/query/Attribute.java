package dev.kumo.core.network.query;

/** An attribute of a resource that lists can filter or sort on, by its API name. */
public interface Attribute {
    /** As the API spells it ({@code router:external}, {@code binding:host_id}). */
    String apiName();

    ValueType type();

    /** Whether {@code ?<apiName>=value} filters on it; otherwise it is ignored. */
    boolean filterable();

    /** Whether {@code sort_key=<apiName>} is accepted. */
    boolean sortable();

    /** Only admins see it, so only their filters and sorts may use it. */
    boolean adminOnly();
}
