/**
 * Roles (global, and domain-specific ones that only serve to imply others) and the implied-role rules
 * between them (admin ⇒ member ⇒ reader), with Keystone's restrictions on which rules may exist.
 */
package dev.kumo.core.identity.role;
