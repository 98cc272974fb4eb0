/**
 * Tags on networks, subnets and ports (Neutron's standard-attr-tag): the {@code /tags} sub-resource, with
 * Neutron's limits. Tags are rows, so lists can filter on them in SQL.
 */
package dev.kumo.core.network.tag;
