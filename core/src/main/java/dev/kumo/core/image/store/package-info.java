/**
 * The image service's persistence port: {@link dev.kumo.core.image.store.ImageStore} runs work in read or write
 * transactions over {@link dev.kumo.core.image.store.ImageTx}'s repositories. Listing is a real query
 * ({@link dev.kumo.core.image.store.ImageQuery}): filters, visibility rules, sorting and keyset pagination are
 * done by the database, never by loading every image.
 */
package dev.kumo.core.image.store;
