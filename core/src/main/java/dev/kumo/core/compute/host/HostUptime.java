package dev.kumo.core.compute.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A host's uptime line as {@code uptime(1)} prints it, which is what Nova's os-hypervisors/{id}/uptime returns.
 * Every host kumo drives runs on this machine, so this machine's /proc is the source.
 */
public final class HostUptime {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private HostUptime() {}

    public static String line() {
        long seconds = (long) Double.parseDouble(firstWord(Path.of("/proc/uptime"), "0"));
        String load = String.join(", ", firstWords(Path.of("/proc/loadavg"), 3));
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        String up = (days > 0 ? days + " days, " : "") + "%d:%02d".formatted(hours, minutes);
        return " " + LocalTime.now(ZoneOffset.UTC).format(CLOCK) + " up " + up + ",  load average: " + load;
    }

    private static String firstWord(Path file, String fallback) {
        String[] words = firstWords(file, 1);
        return words.length == 0 ? fallback : words[0];
    }

    private static String[] firstWords(Path file, int n) {
        try {
            String[] words = Files.readString(file).trim().split("\\s+");
            return java.util.Arrays.copyOf(words, Math.min(n, words.length));
        } catch (IOException | RuntimeException e) {
            // no /proc (not Linux): an uptime Nova clients still parse
            return new String[] {"0.00", "0.00", "0.00"};
        }
    }
}
