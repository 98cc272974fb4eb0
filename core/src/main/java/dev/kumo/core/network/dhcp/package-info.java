/**
 * The {@code network:dhcp} port of each network, which Neutron's DHCP agent keeps: created with the first
 * DHCP-enabled subnet, given an address on each of them by IPAM, deleted with the last.
 */
package dev.kumo.core.network.dhcp;
