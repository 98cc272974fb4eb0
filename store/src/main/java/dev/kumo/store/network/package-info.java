/**
 * The network service's store on the shared {@link dev.kumo.store.Database}: one repository per resource,
 * lists built as SQL (filters, tag filters, visibility, keyset pagination), child rows fetched with one query
 * per child table for a whole page.
 */
package dev.kumo.store.network;
