package dev.kumo.server.cli;

import dev.kumo.server.CloudServer;
import dev.kumo.server.StateDir;
import dev.kumo.server.config.KumoConfig;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the control plane in the foreground (for systemd, ./kumo up and tests).")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    StateDirOption stateDirOption;

    @Option(names = "--port", description = "API port (overrides api.port).")
    Integer port;

    @Option(names = "--emulated", description = "Use the fake drivers: no root, QEMU or kernel networking needed.")
    boolean emulated;

    @Override
    public Integer call() throws Exception {
        StateDir state = stateDirOption.resolve();
        state.initialise();
        Map<String, String> overrides = new HashMap<>();
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
