/** Compute quotas: defaults, per-project overrides, and the checks made inside the creating transaction. */
package dev.kumo.core.compute.quota;
