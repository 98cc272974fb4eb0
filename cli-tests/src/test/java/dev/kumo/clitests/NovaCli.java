package dev.kumo.clitests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's legacy {@code nova} CLI (python3-novaclient) with a sourced keystonerc's environment. */
final class NovaCli {
    private static final Pattern EXPORT = Pattern.compile("^export (OS_[A-Z_]+)=(?:'([^']*)'|(\\S*))$");
    private static final String BINARY = System.getenv().getOrDefault("KUMO_NOVA_CLI", "/usr/bin/nova");

    private final Map<String, String> env = new HashMap<>();

    NovaCli(Path rc) {
        try {
            for (String line : Files.readAllLines(rc)) {
                Matcher m = EXPORT.matcher(line.strip());
                if (m.matches()) {
                    env.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OpenStackCli.Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(BINARY);
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("nova " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new OpenStackCli.Result("(nova) " + String.join(" ", args), p.exitValue(),
                    new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + BINARY + " (apt-get install python3-novaclient)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of one row of nova's two-column "Property | Value" table. */
    static String property(String table, String name) {
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length >= 3 && cells[1].strip().equals(name)) {
                return cells[2].strip();
            }
        }
        throw new AssertionError("no row '" + name + "' in:\n" + table);
    }
}
