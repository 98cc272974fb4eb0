/**
 * Keystone's deprecated {@code /v3/policies}: opaque documents (e.g. a policy file in JSON) that operators
 * store and fetch through Keystone. Kept for API compatibility; nothing enforces them.
 */
package dev.kumo.core.identity.policydocument;
