/**
 * Addresses, prefixes, ranges and MACs for IPv4 and IPv6, as values: parsing with Neutron's strictness,
 * canonical text, the arithmetic IPAM needs (default allocation pools, EUI-64 addresses), and nothing that
 * could ever resolve a host name.
 */
package dev.kumo.core.network.ip;
