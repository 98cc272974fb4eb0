/**
 * Neutron's quotas for networks, subnets and ports: per-project limits (defaults from the settings,
 * overrides in the database), checked inside the write transaction that would exceed them.
 */
package dev.kumo.core.network.quota;
