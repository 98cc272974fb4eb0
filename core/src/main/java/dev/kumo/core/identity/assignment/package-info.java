/**
 * Role assignments (grants): granting, checking, listing and revoking a role for a user or group on a
 * project, a domain or the system, optionally inherited by the projects below; and Keystone's
 * {@code /v3/role_assignments} query, including its "effective" expansion of groups, inheritance and
 * implied roles.
 */
package dev.kumo.core.identity.assignment;
