/** Groups and their memberships. */
package dev.kumo.core.identity.group;
