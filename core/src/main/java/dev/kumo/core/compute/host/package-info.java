/** Compute hosts: the driver's hosts as nova-compute services with heartbeats, up/down and enabled/disabled. */
package dev.kumo.core.compute.host;
