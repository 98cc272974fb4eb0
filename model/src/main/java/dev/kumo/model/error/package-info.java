/**
 * The one error model: a sealed {@link dev.kumo.model.error.CloudError} hierarchy that services throw
 * (wrapped in {@link dev.kumo.model.error.CloudException}) and that each API family renders in its
 * own OpenStack fault format.
 */
package dev.kumo.model.error;
