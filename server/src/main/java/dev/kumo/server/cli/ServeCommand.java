package dev.kumo.server.cli;

import dev.kumo.server.CloudServer;
import dev.kumo.server.StateDir;
import dev.kumo.server.config.KumoConfig;
import dev.kumo.server.config.Settings;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", description = "Run the control plane in the foreground (for systemd, ./kumo up and tests).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    StateDirOption stateDirOption;

    @Option(names = "--port", description = "API port (overrides api.port).")
    Integer port;

    @Option(names = "--emulated", description = "Use the fake drivers: no root, QEMU or kernel networking needed.")
    boolean emulated;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Overrides a setting of kumo.conf for this run (repeatable), e.g. network.demo_networks=false.")
    Map<String, String> settings = new HashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (String key : settings.keySet()) {
            if (Settings.ALL.stream().noneMatch(s -> s.key().equals(key))) {
                throw new ParameterException(spec.commandLine(), "--set: " + key + " is not a setting of kumo.conf");
            }
        }
        StateDir state = stateDirOption.resolve();
        state.initialise();
        Map<String, String> overrides = new HashMap<>(settings);
        if (port != null) {
            overrides.put("api.port", port.toString());
        }
        if (emulated) {
            overrides.put("drivers.emulated", "true");
        }
        KumoConfig config = state.load(overrides);
        state.writeCredentials(config);
        CloudServer server = CloudServer.start(config);
        Files.writeString(state.pidFile(), ProcessHandle.current().pid() + "\n");
        Files.writeString(state.apiUrlFile(), config.publicUrl() + "\n");
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                Files.deleteIfExists(state.apiUrlFile());
                Files.deleteIfExists(state.pidFile());
            } catch (java.io.IOException ignored) {
                // the next start overwrites it
            }
            stopped.countDown();
        }, "kumo-shutdown"));
        stopped.await();
        return 0;
    }
}
