package dev.kumo.core.identity.endpointfilter;

import java.util.Map;
import java.util.Optional;

/**
 * Fields an endpoint group create or update sets; null means "not given". {@code description} may be set to
 * null (an empty Optional).
 */
public record EndpointGroupChanges(String name, Optional<String> description, Map<String, String> filters) {}
