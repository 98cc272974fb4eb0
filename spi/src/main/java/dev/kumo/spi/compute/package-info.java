/**
 * The contract between the compute service and a hypervisor: {@link dev.kumo.spi.compute.VirtDriver} and the
 * records it takes and returns. The compute service keeps desired state in the database, schedules, and calls
 * the driver after commit from per-instance serialised workers; the driver makes one host match (QEMU over QMP
 * in the real driver, an in-memory record with injected latency and failures in the fake one).
 */
package dev.kumo.spi.compute;
