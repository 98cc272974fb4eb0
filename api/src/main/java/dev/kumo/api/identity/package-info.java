/** Keystone's v3 API under {@code /identity}: one handler class per resource collection. */
package dev.kumo.api.identity;
