package dev.kumo.model.identity;

/**
 * A grant: an actor (user or group) has a role on a target (project, domain or the system).
 * {@code inherited} grants on a domain or project apply to the projects below it, not to the target.
 */
public record RoleAssignment(ActorType actorType, String actorId, TargetType targetType, String targetId,
                             String roleId, boolean inherited) {}
