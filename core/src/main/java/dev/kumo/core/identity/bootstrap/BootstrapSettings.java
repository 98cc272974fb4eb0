package dev.kumo.core.identity.bootstrap;

import java.util.List;

/** What the bootstrap makes sure exists; passwords apply only when a user is first created. */
public record BootstrapSettings(String adminPassword, String demoPassword, String regionId,
                                List<CatalogEntry> catalog) {
    public BootstrapSettings {
        catalog = List.copyOf(catalog);
    }

    @Override
    public String toString() {
        return "BootstrapSettings[region=" + regionId + ", catalog=" + catalog + "]";
    }
}
