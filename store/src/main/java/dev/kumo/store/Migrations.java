package dev.kumo.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date; the same scripts serve SQLite and PostgreSQL. */
final class Migrations {
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    static void migrate(DataSource dataSource) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                // A missing script folder means a broken build, not an empty schema.
                .failOnMissingLocations(true)
                // Each service owns its scripts and they are merged in whatever order features land, so a
                // database may already hold V5 when V2 arrives; the scripts touch disjoint tables.
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
