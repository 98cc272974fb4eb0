/**
 * OS-EP-FILTER endpoint groups: named filters (service, region, interface) that select endpoints of the
 * catalog. Project associations, and the catalog filtering they drive, are not implemented.
 */
package dev.kumo.core.identity.endpointfilter;
