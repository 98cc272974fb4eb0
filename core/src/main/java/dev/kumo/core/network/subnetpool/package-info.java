/**
 * Subnet pools (Neutron's subnet_allocation and default-subnetpools): prefixes that subnets are carved from,
 * with Neutron's bounds checks and wording. A pool's allocations are the CIDRs of the subnets that name it, so
 * they need no table of their own, and the write transaction that inserts a subnet is the one that picks its
 * CIDR (writes are serialised, so two subnets never get the same block).
 */
package dev.kumo.core.network.subnetpool;
