package dev.kumo.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reads and writes the answer file: {@code key = value} lines, each preceded by its documentation. */
public final class ConfigFile {
    public static final String NAME = "kumo.conf";

    private ConfigFile() {}

    public static Map<String, String> read(Path file) throws IOException {
        var props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        Map<String, String> values = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (Settings.find(key).isEmpty()) {
                throw new IllegalArgumentException(file + ": unknown setting '" + key + "' (known: "
                        + Settings.ALL.stream().map(Setting::key).toList() + ")");
            }
            values.put(key, props.getProperty(key).strip());
        }
        return values;
    }

    /** Writes a complete, documented file with secrets filled in; mode 0600 because it holds passwords. */
    public static void writeNew(Path file, Map<String, String> overrides) throws IOException {
        var text = new StringBuilder("# kumo answer file: every setting with its default. Edit, then restart kumo.\n");
        for (Setting s : Settings.ALL) {
            String value = overrides.getOrDefault(s.key(), s.defaultValue());
            if (s.secret() && value.isEmpty()) {
                value = randomPassword();
            }
            text.append("\n# ").append(s.description()).append("\n# default: ")
                    .append(s.secret() ? "(generated)" : s.defaultValue().isEmpty() ? "(empty)" : s.defaultValue())
                    .append('\n').append(s.key()).append(" = ").append(escape(value)).append('\n');
        }
        SecureFiles.write(file, text.toString());
    }

    static String randomPassword() {
        var random = new SecureRandom();
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
