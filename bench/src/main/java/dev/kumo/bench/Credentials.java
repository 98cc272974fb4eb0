package dev.kumo.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * The passwords and bcrypt cost kumo generated into {@code kumo.conf} at its first start (a Java
 * properties file; see the server's {@code ConfigFile}). Read rather than pre-written, so the first
 * start is a real first start: empty state dir, generated answer file.
 */
record Credentials(String adminPassword, String demoPassword, int bcryptCost) {
    /** kumo's default, used when the answer file leaves the key out. */
    private static final String DEFAULT_BCRYPT_COST = "10";

    Credentials {
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(demoPassword, "demoPassword");
    }

    static Credentials read(Path stateDir) throws IOException {
        Path file = stateDir.resolve("kumo.conf");
        var props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return new Credentials(required(props, file, "identity.admin_password"), required(props, file, "identity.demo_password"),
                Integer.parseInt(props.getProperty("identity.bcrypt_cost", DEFAULT_BCRYPT_COST).strip()));
    }

    private static String required(Properties props, Path file, String key) {
        String value = props.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalStateException(file + " has no " + key + " (kumo generates it at first start)");
        }
        return value;
    }
}
