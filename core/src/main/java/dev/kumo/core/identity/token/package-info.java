/**
 * Tokens in the manner of Keystone's Fernet tokens: the token is the encrypted payload itself, so
 * issuing one writes nothing and tokens survive restarts; revocation is a list of events, and user,
 * project and roles are re-checked on every validation.
 */
package dev.kumo.core.identity.token;
