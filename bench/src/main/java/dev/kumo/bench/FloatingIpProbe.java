package dev.kumo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Polls every floating IP from the external host, all in parallel, until each answers HTTP on port 8080 with the
 * text of its own guest; reports when each first did. One shell in the external host's namespace runs a loop per
 * address (a try every second at most); it and its children are ended by pid when done or out of time.
 */
final class FloatingIpProbe {
    private static final String LOOP = "( until [ \"$(timeout 1 busybox wget -q -O - http://%s:8080/index.html 2>/dev/null)\""
            + " = '%s' ]; do sleep 0.02; done; echo \"%s $(date +%%s%%N)\" ) &%n";

    private final Process process;
    private final Map<String, String> expected;

    private FloatingIpProbe(Process process, Map<String, String> expected) {
        this.process = process;
        this.expected = expected;
    }

    /** Starts polling {@code expected} (floating IP to the text its guest answers) from {@code namespace}. */
    static FloatingIpProbe start(String namespace, Map<String, String> expected) throws IOException {
        StringBuilder script = new StringBuilder();
        expected.forEach((ip, text) -> script.append(String.format(LOOP, ip, text, ip)));
        script.append("wait\n");
        Process process = new ProcessBuilder("ip", "netns", "exec", namespace, "sh", "-c", script.toString())
                .redirectErrorStream(true).start();
        return new FloatingIpProbe(process, Map.copyOf(expected));
    }

    /** When each floating IP first answered, for all of them; throws when some did not within {@code limit}. */
    Map<String, Instant> await(Duration limit) throws IOException, InterruptedException {
        Map<String, Instant> answered = new HashMap<>();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (answered.size() < expected.size() && (line = lines.readLine()) != null) {
                String[] words = line.trim().split(" ");
                if (words.length == 2 && expected.containsKey(words[0])) {
                    long nanos = Long.parseLong(words[1]);
                    answered.put(words[0], Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L));
                }
            }
        } finally {
            stop();
            watchdog.interrupt();
        }
        if (answered.size() < expected.size()) {
            var silent = new java.util.TreeSet<>(expected.keySet());
            silent.removeAll(answered.keySet());
            throw new IllegalStateException(silent.size() + " of " + expected.size() + " floating IPs did not answer within "
                    + limit.toSeconds() + " s: " + silent);
        }
        return answered;
    }

    private void stop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
