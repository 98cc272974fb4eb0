/**
 * The real virt driver: one daemonized {@code qemu-system-x86_64} per instance, driven over QMP on a unix
 * socket, with everything it owns under {@code <state dir>/instances/<instance id>/} so that a restart of kumo
 * finds its guests again (pid file + {@code /proc/<pid>/cmdline} + QMP) and never kills them.
 */
package dev.kumo.driver.qemu;
