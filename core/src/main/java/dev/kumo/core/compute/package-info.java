/**
 * The compute service (Nova v2.1): flavors, keypairs, servers and their state machine, the scheduler, quotas.
 * Desired state lives in SQL behind {@link dev.kumo.core.compute.store.ComputeStore}; the virt driver is
 * called after commit by {@link dev.kumo.core.compute.server.ServerConverger}, one instance at a time.
 */
package dev.kumo.core.compute;
