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

/** Debian's deprecated {@code neutron} CLI, which the source documents use, with a keystonerc's environment. */
final class LegacyNeutronCli {
    private static final Pattern EXPORT = Pattern.compile("^export (OS_[A-Z_]+)=(?:'([^']*)'|(\\S*))$");
    private static final String BINARY = System.getenv().getOrDefault("KUMO_NEUTRON_CLI", "/usr/bin/neutron");

    private final Map<String, String> env;

    private LegacyNeutronCli(Map<String, String> env) {
        this.env = env;
    }

    static LegacyNeutronCli fromRcFile(Path rc) {
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
        return new LegacyNeutronCli(env);
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
                throw new AssertionError("neutron " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new OpenStackCli.Result("(neutron) " + String.join(" ", args), p.exitValue(),
                    new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + BINARY + " (apt-get install python3-neutronclient)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
