/** The kumo process: command line, configuration, and the wiring of store, services and APIs. */
package dev.kumo.server;
