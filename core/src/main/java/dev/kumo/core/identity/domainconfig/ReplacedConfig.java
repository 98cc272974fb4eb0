package dev.kumo.core.identity.domainconfig;

import java.util.Map;

/** The configuration a {@code PUT} stored, as shown (sensitive options left out), and whether the domain had none. */
public record ReplacedConfig(Map<String, Object> config, boolean created) {}
