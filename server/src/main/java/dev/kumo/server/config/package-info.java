/** The answer file ({@code kumo.conf} in the state directory): every setting, its default and its meaning. */
package dev.kumo.server.config;
