package dev.kumo.core.network.subnetpool;

import java.util.List;

/**
 * A subnet pool to create, or the changes to one: null means "not given". {@code defaultQuota} and
 * {@code addressScopeId} may be set to null explicitly, hence their {@code ...Given} flags.
 */
public record SubnetPoolRequest(String name, String description, String projectId, List<String> prefixes,
                                Integer minPrefixlen, Integer maxPrefixlen, Integer defaultPrefixlen,
                                boolean defaultQuotaGiven, Integer defaultQuota, Boolean shared, Boolean isDefault,
                                boolean addressScopeGiven, String addressScopeId, List<String> tags) {

    /** A create request for {@code prefixes}, everything else defaulted. */
    public static SubnetPoolRequest of(String name, List<String> prefixes) {
        return new SubnetPoolRequest(name, null, null, prefixes, null, null, null, false, null, null, null, false,
                null, null);
    }
}
