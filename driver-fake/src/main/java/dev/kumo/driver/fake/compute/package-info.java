/**
 * A virt driver without a hypervisor: it keeps what it would run in memory, reports several fake hosts, and
 * supports injected latency and failures. It documents the semantics of a real hypervisor connection (the
 * tests of the compute service run against it) and backs {@code kumo up --emulated}.
 */
package dev.kumo.driver.fake.compute;
