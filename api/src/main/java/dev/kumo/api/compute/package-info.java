/**
 * Nova v2.1 at {@code /compute/v2.1}: microversion negotiation, Nova's fault bodies, thin handlers per
 * resource collection and the server views that differ by microversion.
 */
package dev.kumo.api.compute;
