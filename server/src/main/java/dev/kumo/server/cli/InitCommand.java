package dev.kumo.server.cli;

import dev.kumo.server.StateDir;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "init", description = "Create the state directory and its answer file (kumo.conf) with generated passwords.")
public final class InitCommand implements Callable<Integer> {
    @Mixin
    StateDirOption stateDirOption;

    @Override
    public Integer call() throws Exception {
        StateDir state = stateDirOption.resolve();
        boolean created = state.initialise();
        state.load(Map.of());
        System.out.println((created ? "created " : "exists: ") + state.configFile());
        return 0;
    }
}
