package dev.kumo.core.identity.appcred;

import java.time.Instant;
import java.util.List;

/**
 * What a create request asks for; null means "not given". A null or empty {@code roles} delegates every
 * role of the caller's token; a null {@code secret} lets kumo generate one.
 */
public record NewApplicationCredential(String name, String description, String secret, Instant expiresAt,
                                       List<RoleRef> roles, Boolean unrestricted) {}
