package dev.kumo.spi.compute;

/** SOFT asks the guest to restart (ACPI); HARD resets the virtual machine. */
public enum RebootType { SOFT, HARD }
