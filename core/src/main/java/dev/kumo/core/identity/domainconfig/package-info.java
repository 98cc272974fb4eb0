/**
 * Domain-specific identity configuration ({@code /v3/domains/{domain_id}/config}): per-domain values of the
 * {@code [identity]} and {@code [ldap]} options Keystone lets a domain override. kumo stores and serves them
 * as Keystone does, but has no LDAP backend, so they do not change how kumo authenticates.
 */
package dev.kumo.core.identity.domainconfig;
