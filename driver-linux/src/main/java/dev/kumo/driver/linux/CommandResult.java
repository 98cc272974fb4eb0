package dev.kumo.driver.linux;

import dev.kumo.spi.network.NetworkDriverException;
import java.util.List;

/** What a host command did: its exit code (-1 on timeout) and its combined output. */
record CommandResult(List<String> command, int exitCode, String output) {
    boolean succeeded() {
        return exitCode == 0;
    }

    /** This result when it succeeded, else a driver exception "Failed to {action}: ...". */
    CommandResult orThrow(String action) {
        if (!succeeded()) {
            throw new NetworkDriverException("Failed to " + action + ": `" + String.join(" ", command) + "` exited "
                    + exitCode + ": " + output.strip());
        }
        return this;
    }
}
