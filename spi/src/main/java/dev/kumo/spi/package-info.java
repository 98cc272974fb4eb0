/**
 * The driver contracts: one interface per kind of driver, each with its contract written in the
 * Javadoc (idempotency, what is left after a failure, whether it may be called again after a crash),
 * {@code probe()} and {@code capabilities()}. Implementations: {@code driver-fake} (tests and
 * {@code --emulated}), and the real drivers for Linux networking and QEMU.
 */
package dev.kumo.spi;
