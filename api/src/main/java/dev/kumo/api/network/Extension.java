package dev.kumo.api.network;

/** An entry of {@code /v2.0/extensions}: an API extension this cloud implements. */
record Extension(String alias, String name, String description, String updated) {}
