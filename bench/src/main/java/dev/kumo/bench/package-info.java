/**
 * kumo's identity benchmark: starts the built server jar as a separate process, the way {@code ./kumo up}
 * does, and prints figures with their targets: start-to-healthy time, resident memory, token
 * validate/issue throughput and latency, and the bcrypt cost that bounds password authentication.
 * It prints numbers; it asserts nothing (a timed unit test would be flaky on shared machines).
 */
package dev.kumo.bench;
