/**
 * The identity service's persistence port. The store module implements it (SQLite or PostgreSQL);
 * every write runs in one transaction, and readers work on an {@link dev.kumo.core.identity.IdentitySnapshot}.
 */
package dev.kumo.core.identity.store;
