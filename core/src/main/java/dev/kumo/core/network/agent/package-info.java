/**
 * Neutron's agents extension: the services of kumo's all-in-one host that carry the data path (Linux bridge,
 * DHCP, L3, metadata), registered at every start with stable ids. kumo runs them in-process through the
 * network driver, so an agent is alive exactly when the driver's probe says it is operational.
 */
package dev.kumo.core.network.agent;
