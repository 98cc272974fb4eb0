package dev.kumo.driver.linux;

import dev.kumo.spi.network.NetworkDriverException;

/**
 * Runs every step of a removal even when one fails, so that one stubborn object does not leave the others
 * behind; the first failure is rethrown at the end (the next delete retries what is left).
 */
final class CleanupSteps {
    private RuntimeException first;

    CleanupSteps step(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (first == null) {
                first = e;
            }
        }
        return this;
    }

    void finish(String action) {
        if (first != null) {
            throw first instanceof NetworkDriverException ? first
                    : new NetworkDriverException("Failed to " + action + ": " + first.getMessage(), first);
        }
    }
}
