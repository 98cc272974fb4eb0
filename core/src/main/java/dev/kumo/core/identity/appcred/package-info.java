/**
 * Application credentials: a user delegates some of its roles on one project to an application, which
 * then authenticates with an id (or name) and a secret that kumo only keeps hashed.
 */
package dev.kumo.core.identity.appcred;
