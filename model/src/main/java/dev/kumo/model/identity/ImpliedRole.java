package dev.kumo.model.identity;

/** "Whoever has {@code priorRoleId} also has {@code impliedRoleId}" (admin ⇒ member ⇒ reader). */
public record ImpliedRole(String priorRoleId, String impliedRoleId) {}
