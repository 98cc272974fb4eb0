package dev.kumo.server.cli;

import dev.kumo.server.StateDir;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state-dir}, shared by every command. */
public final class StateDirOption {
    @Option(names = "--state-dir", description = "State directory (default: $KUMO_STATE_DIR or /var/lib/kumo).")
    Path stateDir;

    StateDir resolve() {
        return StateDir.resolve(stateDir);
    }
}
