/** The {@code kumo} commands the Java side implements: serve, init, status. {@code ./kumo} wraps them. */
package dev.kumo.server.cli;
