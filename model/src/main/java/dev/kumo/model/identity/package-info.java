/** Keystone's resources as immutable records. Ids are 32-character hex strings, as Keystone's. */
package dev.kumo.model.identity;
