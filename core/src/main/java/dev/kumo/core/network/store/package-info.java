/**
 * The network service's persistence port: {@link dev.kumo.core.network.store.NetworkStore} runs work in read
 * or write transactions over repositories whose lists filter, sort and page in the database. The store
 * module implements it; tests may too.
 */
package dev.kumo.core.network.store;
