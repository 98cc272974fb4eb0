/** The scheduler: filters hosts (service up and enabled, zone, vCPU/RAM/disk under ratios), then least loaded first. */
package dev.kumo.core.compute.scheduler;
