package dev.kumo.server.config;

/** One documented key of the answer file. {@code secret} values are generated on first run. */
public record Setting(String key, String defaultValue, String description, boolean secret) {}
