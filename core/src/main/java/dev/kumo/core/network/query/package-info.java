/**
 * How a list request is expressed to the store: attribute filters (repeated values are alternatives), tag
 * filters, sort keys and a page (limit, marker, direction), all executed in SQL, plus the {@link
 * dev.kumo.core.network.query.Viewer} whose visibility rules every query applies.
 */
package dev.kumo.core.network.query;
