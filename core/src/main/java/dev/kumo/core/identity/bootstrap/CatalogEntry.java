package dev.kumo.core.identity.bootstrap;

/** A service this server offers, published in the catalog at {@code url} for all three interfaces. */
public record CatalogEntry(String type, String name, String description, String url) {}
