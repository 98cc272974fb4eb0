/**
 * Neutron's floating IPs: addresses of external networks held by ports there, associated with a fixed IP of
 * a port whose subnet a router connects to the floating IP's network.
 */
package dev.kumo.core.network.floatingip;
