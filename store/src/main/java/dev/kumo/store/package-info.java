/**
 * The database behind every service: {@link dev.kumo.store.Database} opens SQLite (one node) or PostgreSQL
 * (several nodes), migrates the schema with Flyway and hands out connection pools whose transactions follow
 * one discipline: writes are serialised, reads run concurrently on a consistent snapshot. The
 * sub-packages implement the core's store ports on top of it.
 */
package dev.kumo.store;
