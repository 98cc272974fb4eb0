/**
 * Neutron's routers: external gateways on external networks, interfaces on tenant subnets (both are ports
 * the router owns), static routes, and the validations that keep a router's subnets from overlapping.
 */
package dev.kumo.core.network.router;
