package dev.kumo.clitests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Runs Debian's {@code openstack} CLI — or a legacy per-service CLI ({@code nova}, {@code glance}, {@code neutron})
 * — with the environment a user gets from sourcing a keystonerc file.
 */
public final class OpenStackCli {
    private static final Pattern EXPORT = Pattern.compile("^export (OS_[A-Z_]+)=(?:'([^']*)'|(\\S*))$");
    private final String client;
    private final String binary;
    private final Map<String, String> env;

    private OpenStackCli(String client, String binary, Map<String, String> env) {
        this.client = client;
        this.binary = binary;
        this.env = env;
    }

    /** {@code openstack} with the variables a {@code source keystonerc_x} would export. */
    public static OpenStackCli fromRcFile(Path rc) {
        String binary = System.getenv().getOrDefault("KUMO_OPENSTACK_CLI", "/usr/bin/openstack");
        return new OpenStackCli("openstack", binary, rcEnvironment(rc));
    }

    /** A legacy client such as {@code glance} ({@code $KUMO_GLANCE_CLI}, else {@code /usr/bin/glance}). */
    public static OpenStackCli legacy(String client, Path rc) {
        String binary = System.getenv().getOrDefault("KUMO_" + client.toUpperCase(java.util.Locale.ROOT) + "_CLI",
                "/usr/bin/" + client);
        return new OpenStackCli(client, binary, rcEnvironment(rc));
    }

    private static Map<String, String> rcEnvironment(Path rc) {
        Map<String, String> env = new HashMap<>();
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
        return env;
    }

    public OpenStackCli with(Map<String, String> overrides) {
        Map<String, String> copy = new HashMap<>(env);
        copy.putAll(overrides);
        return new OpenStackCli(client, binary, copy);
    }

    public OpenStackCli without(String... names) {
        Map<String, String> copy = new HashMap<>(env);
        for (String n : names) {
            copy.remove(n);
        }
        return new OpenStackCli(client, binary, copy);
    }

    public Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(client + " " + String.join(" ", args) + " did not finish in 120 s");
            }
            String shown = client.equals("openstack") ? String.join(" ", args) : "(" + client + ") " + String.join(" ", args);
            return new Result(shown, p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary + " (apt-get install python3-" + client
                    + "client)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command with {@code -f json} and expects success. */
    public JsonNode json(String... args) {
        String[] withFormat = new String[args.length + 2];
        System.arraycopy(args, 0, withFormat, 0, args.length);
        withFormat[args.length] = "-f";
        withFormat[args.length + 1] = "json";
        Result r = run(withFormat).ok();
        try {
            return new ObjectMapper().readTree(r.stdout());
        } catch (IOException e) {
            throw new AssertionError("not JSON from openstack " + r.command() + ": " + r.stdout(), e);
        }
    }

    /** The value of one row of a legacy client's two-column "Property | Value" table. */
    public static String property(String table, String name) {
        for (String line : table.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length >= 3 && cells[1].strip().equals(name)) {
                return cells[2].strip();
            }
        }
        throw new AssertionError("no row '" + name + "' in:\n" + table);
    }

    public record Result(String command, int exitCode, String stdout, String stderr) {
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("openstack " + command + " failed (" + exitCode + "): " + stderr + stdout);
            }
            return this;
        }

        public Result failed() {
            if (exitCode == 0) {
                throw new AssertionError("openstack " + command + " should have failed but printed: " + stdout);
            }
            return this;
        }
    }
}
