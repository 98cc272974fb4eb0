/** The compute store on the shared {@link dev.kumo.store.Database}: SQL per repository, servers as columns plus a JSON document. */
package dev.kumo.store.compute;
