/**
 * The service catalog: regions (a tree), services and their endpoints, with Keystone's rules for what
 * references what. Tokens render the catalog from the snapshot, so every change shows in new tokens.
 */
package dev.kumo.core.identity.catalog;
