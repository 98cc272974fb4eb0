package dev.kumo.server.cli;

import dev.kumo.server.HostPurge;
import dev.kumo.server.StateDir;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "purge", description = "Remove every guest, namespace, link and rule this cloud made on the host "
        + "(kumo must be stopped). `kumo down --purge` runs it before deleting the state directory.")
public final class PurgeCommand implements Callable<Integer> {
    @Mixin
    StateDirOption stateDirOption;

    @Override
    public Integer call() throws Exception {
        StateDir state = stateDirOption.resolve();
        var report = HostPurge.run(state.load(Map.of()));
        System.out.println("purged from the host: " + report.removed().size() + " objects");
        report.failed().forEach(f -> System.err.println("could not remove " + f));
        return report.failed().isEmpty() ? 0 : 1;
    }
}
