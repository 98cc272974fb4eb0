/**
 * The identity service's store ports ({@link dev.kumo.core.identity.store}) in SQL:
 * {@link dev.kumo.store.identity.SqlIdentityStore} runs the work in a transaction, and one repository class
 * per port holds that port's SQL. The tables are in {@code db/migration/V1__identity.sql}.
 */
package dev.kumo.store.identity;
