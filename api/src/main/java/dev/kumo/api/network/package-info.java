/**
 * Neutron's v2.0 API at {@code /network}: version discovery, extensions, networks, subnets, ports, their tags,
 * quotas and availability zones. Handlers are thin: strict body reading with Neutron's attribute rules, one
 * service call, a view; faults are rendered as {@code {"NeutronError": {...}}}.
 */
package dev.kumo.api.network;
