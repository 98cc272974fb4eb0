/**
 * Keystone's default policy with {@code enforce_scope} off, as Debian's Zed packages ship it: the
 * {@code admin} role on any scope administers everything, a system-scoped {@code reader} reads
 * everything, and a user manages what is its own (password, application credentials, own tokens).
 */
package dev.kumo.core.identity.policy;
