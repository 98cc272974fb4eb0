package dev.kumo.model.network;

import java.util.List;
import java.util.Objects;

/**
 * A Neutron subnet pool: prefixes that subnets are carved from.
 *
 * @param prefixes       normalised and compacted CIDRs, all of {@code ipVersion}
 * @param defaultQuota   per-project limit in /32 (IPv4) or /64 (IPv6) units; null means none
 * @param addressScopeId always null here: address scopes are not implemented
 */
public record SubnetPool(String id, String projectId, String name, int ipVersion, List<String> prefixes,
                         int minPrefixlen, int maxPrefixlen, int defaultPrefixlen, Integer defaultQuota,
                         boolean shared, boolean isDefault, String addressScopeId, StandardAttributes standard) {
    public SubnetPool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(name, "name");
        prefixes = List.copyOf(prefixes);
        Objects.requireNonNull(standard, "standard");
    }

    public SubnetPool withStandard(StandardAttributes newStandard) {
        return new SubnetPool(id, projectId, name, ipVersion, prefixes, minPrefixlen, maxPrefixlen, defaultPrefixlen,
                defaultQuota, shared, isDefault, addressScopeId, newStandard);
    }
}
