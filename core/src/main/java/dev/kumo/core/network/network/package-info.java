/**
 * Networks: create (with the segment a tenant network gets from the pool, or the provider segment an admin
 * names), update, delete (with its subnets and DHCP ports, refused while other ports remain) and the
 * visibility rules of shared and external networks.
 */
package dev.kumo.core.network.network;
