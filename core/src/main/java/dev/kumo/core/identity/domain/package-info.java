/** Domains: the containers of projects, users and groups. */
package dev.kumo.core.identity.domain;
