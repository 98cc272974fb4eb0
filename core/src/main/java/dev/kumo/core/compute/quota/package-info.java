/**
 * Compute quotas: built-in defaults, the "default" quota class, per-project and per-user overrides, and the
 * checks made inside the creating transaction.
 */
package dev.kumo.core.compute.quota;
