/** Projects (Keystone's tenants): create, read, update, delete, hierarchy and tags. */
package dev.kumo.core.identity.project;
