/** First-run (and every-run) set-up of identity: Packstack's accounts, roles and the service catalog. */
package dev.kumo.core.identity.bootstrap;
