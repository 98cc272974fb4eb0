/**
 * The scheduler: filters hosts (service up and enabled, zone, vCPU/RAM/disk under ratios, server-group affinity
 * and anti-affinity), then weighs (soft group policies, then least loaded first).
 */
package dev.kumo.core.compute.scheduler;
