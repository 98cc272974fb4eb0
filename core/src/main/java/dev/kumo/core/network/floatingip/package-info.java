/**
 * Neutron's floating IPs: addresses of external networks held by ports there, associated with a fixed IP of
 * a port whose subnet a router connects to the floating IP's network; or, when not associated, forwarding some
 * of their ports to fixed IPs (port forwardings, API and state only so far).
 */
package dev.kumo.core.network.floatingip;
