package dev.kumo.store;

import static org.assertj.core.api.Assertions.fail;

import dev.kumo.model.identity.Ids;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A new, empty schema in the PostgreSQL database that {@code KUMO_TEST_POSTGRES_URL} (with
 * {@code KUMO_TEST_POSTGRES_USER} and {@code KUMO_TEST_POSTGRES_PASSWORD}) names, opened through
 * {@code currentSchema} in the URL. A new schema (per test class) rather than Flyway's clean, which Flyway
 * disables by default, or dropping {@code public}, which needs its ownership: every run starts from nothing,
 * runs can share a database, and nothing is left behind once the schema is dropped.
 */
public final class PostgresTestSchema {
    public static final String URL_VARIABLE = "KUMO_TEST_POSTGRES_URL";

    private final String url;
    private final String user;
    private final String password;
    private final String name;

    private PostgresTestSchema(String url, String user, String password, String name) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    public static PostgresTestSchema create() throws SQLException {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            fail(URL_VARIABLE + " is not set: PostgreSQL tests need a JDBC URL (and KUMO_TEST_POSTGRES_USER, "
                    + "KUMO_TEST_POSTGRES_PASSWORD); exclude the \"postgres\" tag to run without PostgreSQL");
        }
        PostgresTestSchema schema = new PostgresTestSchema(url, System.getenv("KUMO_TEST_POSTGRES_USER"),
                System.getenv("KUMO_TEST_POSTGRES_PASSWORD"), "kumo_test_" + Ids.newId());
        schema.execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** A migrated {@link Database} whose connections use this schema. */
    public Database open() {
        return Database.postgres(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name, user, password);
    }

    /** Empties every table but Flyway's, so the schema can serve the next test without migrating again. */
    public void truncateAll() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT table_name FROM information_schema.tables
                     WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'""")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    tables.add(name + "." + rs.getString(1));
                }
            }
        }
        if (!tables.isEmpty()) {
            execute("TRUNCATE TABLE " + String.join(", ", tables) + " CASCADE");
        }
    }

    public void drop() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
