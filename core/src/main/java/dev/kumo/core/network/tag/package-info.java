/**
 * Tags on networks, subnets, ports, subnet pools, routers, floating IPs and security groups (Neutron's
 * standard-attr-tag): the {@code /tags} sub-resource, with Neutron's limits. Tags are rows, so lists can filter
 * on them in SQL.
 */
package dev.kumo.core.network.tag;
