package dev.kumo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to run against and for how long. Defaults: the JDK in {@code JAVA_HOME} (else this JVM's),
 * {@code server/target/kumo.jar}, 2 s warm-up and 5 s measured per load figure.
 */
record BenchOptions(Path javaHome, Path kumoJar, Duration warmUp, Duration measured) {
    BenchOptions {
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(kumoJar, "kumoJar");
        Objects.requireNonNull(warmUp, "warmUp");
        Objects.requireNonNull(measured, "measured");
    }

    static final String USAGE = "usage: IdentityBench [--java-home DIR] [--kumo-jar FILE] [--warm-up SECONDS] [--seconds SECONDS]";

    static BenchOptions parse(String[] args) {
        String env = System.getenv("JAVA_HOME");
        Path javaHome = Path.of(env != null && !env.isBlank() ? env : System.getProperty("java.home"));
        Path jar = Path.of("server/target/kumo.jar");
        Duration warmUp = Duration.ofSeconds(2);
        Duration measured = Duration.ofSeconds(5);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--java-home" -> javaHome = Path.of(required(args[i], value));
                case "--kumo-jar" -> jar = Path.of(required(args[i], value));
                case "--warm-up" -> warmUp = seconds(args[i], value);
                case "--seconds" -> measured = seconds(args[i], value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
            }
            i++;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("kumo jar " + jar.toAbsolutePath()
                    + " does not exist: build it with mvn -o -DskipTests package (bench/run does)");
        }
        return new BenchOptions(javaHome, jar.toAbsolutePath(), warmUp, measured);
    }

    Path javaBinary() {
        return javaHome.resolve("bin/java");
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static Duration seconds(String option, String value) {
        try {
            double s = Double.parseDouble(required(option, value));
            if (s <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive number of seconds, got '" + value + "'");
        }
    }
}
