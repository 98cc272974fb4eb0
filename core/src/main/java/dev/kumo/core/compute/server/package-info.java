/**
 * Servers: the create request and its checks, the record with its state (vm_state, task_state, power_state),
 * and the converger that drives each server's pending task through the scheduler, the network service and
 * the virt driver after commit, one server at a time.
 */
package dev.kumo.core.compute.server;
