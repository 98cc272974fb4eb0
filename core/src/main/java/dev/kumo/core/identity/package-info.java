/**
 * Keystone: identities, scopes, roles and the catalog. Writes go through {@link
 * dev.kumo.core.identity.store.IdentityStore#write}; reads and token validation use the in-memory
 * {@link dev.kumo.core.identity.IdentitySnapshot}, rebuilt after every write (identity data is small and
 * read thousands of times more often than written).
 */
package dev.kumo.core.identity;
