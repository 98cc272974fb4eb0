/**
 * Compute hosts: the driver's hosts as nova-compute services with heartbeats, up/down (or forced down) and
 * enabled/disabled, and the uptime line os-hypervisors reports.
 */
package dev.kumo.core.compute.host;
