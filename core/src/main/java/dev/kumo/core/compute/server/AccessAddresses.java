package dev.kumo.core.compute.server;

/**
 * A server's accessIPv4 and accessIPv6: addresses the owner declares for reaching it (Nova stores and shows
 * them, nothing routes by them). Null means unset; the API checks and canonicalises them.
 */
public record AccessAddresses(String ipv4, String ipv6) {
    public static final AccessAddresses NONE = new AccessAddresses(null, null);

    /** These, with each of {@code changes}' non-null addresses replacing ours. */
    public AccessAddresses with(AccessAddresses changes) {
        return new AccessAddresses(changes.ipv4() != null ? changes.ipv4() : ipv4,
                changes.ipv6() != null ? changes.ipv6() : ipv6);
    }
}
