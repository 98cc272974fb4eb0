package dev.kumo.core.identity.appcred;

/** A role named in a create request, by id or by (global) name. */
public record RoleRef(String id, String name) {}
