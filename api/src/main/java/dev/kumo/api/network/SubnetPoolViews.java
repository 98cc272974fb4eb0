package dev.kumo.api.network;

import dev.kumo.model.network.SubnetPool;

/**
 * A subnet pool as Neutron renders it. The three prefix lengths are strings there (its
 * _make_subnetpool_dict converts them), and clients accept both, so they are strings here too.
 */
final class SubnetPoolViews {
    private SubnetPoolViews() {}

    static void write(ViewWriter w, SubnetPool p) {
        w.string("id", p.id()).string("name", p.name()).string("tenant_id", p.projectId())
                .string("project_id", p.projectId()).strings("prefixes", p.prefixes()).number("ip_version", p.ipVersion())
                .string("min_prefixlen", Integer.toString(p.minPrefixlen()))
                .string("max_prefixlen", Integer.toString(p.maxPrefixlen()))
                .string("default_prefixlen", Integer.toString(p.defaultPrefixlen()))
                .number("default_quota", p.defaultQuota()).bool("shared", p.shared()).bool("is_default", p.isDefault())
                .string("address_scope_id", p.addressScopeId());
        NetworkViews.standard(w, p.standard());
    }
}
