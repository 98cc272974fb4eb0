/**
 * Fake drivers, one per contract in {@code dev.kumo.spi}: they record what the real driver would have
 * done, support injected latency and failures, and back the fast tests and {@code kumo up --emulated}.
 */
package dev.kumo.driver.fake;
