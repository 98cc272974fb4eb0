package dev.kumo.core.identity.role;

import dev.kumo.model.identity.Role;

/** One implied-role rule with both roles resolved: whoever has {@code prior} also has {@code implied}. */
public record RoleInference(Role prior, Role implied) {}
