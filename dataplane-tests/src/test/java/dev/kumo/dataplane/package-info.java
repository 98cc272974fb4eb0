/**
 * Data-path tests: real QEMU guests (TCG) booted from kumo's built-in image, attached to a bridge
 * inside a network namespace each test creates, with dnsmasq and a metadata HTTP server in the same
 * namespace. Nothing is routed out of the namespace; everything is removed by pid and by name.
 */
package dev.kumo.dataplane;
