/**
 * Subnets: IPv4 and IPv6 ranges on a network with their gateway, allocation pools, DNS servers and host
 * routes, validated with Neutron's rules and wording (a gateway outside the CIDR is accepted, as Neutron
 * does; a gateway inside a pool is a 409 naming the pool).
 */
package dev.kumo.core.network.subnet;
