/**
 * Neutron's security groups and rules: the per-project default group made on first use, rule validation
 * with Neutron's wording, and the groups a port gets.
 */
package dev.kumo.core.network.securitygroup;
