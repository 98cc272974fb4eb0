/** Remote consoles: one-time, expiring tokens for a server's serial console, which the API bridges to a websocket. */
package dev.kumo.core.compute.console;
