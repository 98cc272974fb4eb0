/**
 * The one HTTP server every API shares: request ids, the request log, authentication of the caller,
 * JSON bodies, and faults rendered in the format of the service family a path belongs to.
 */
package dev.kumo.api.http;
