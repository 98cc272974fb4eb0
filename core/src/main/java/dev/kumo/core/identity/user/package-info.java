/** Users: create, read, update, delete, password changes, and the projects a user can reach. */
package dev.kumo.core.identity.user;
