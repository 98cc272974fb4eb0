package dev.kumo.driver.qemu;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revert idiom for multi-step actions: each step that made something pushes how to remove it; unless
 * {@link #commit()} is called, {@link #close()} runs them in reverse, logging (not throwing) their failures so
 * that the original error is the one that propagates.
 */
final class Undo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Undo.class);

    /** One way back. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private record Named(String what, Step step) {}

    private final Deque<Named> steps = new ArrayDeque<>();
    private boolean committed;

    static Undo open() {
        return new Undo();
    }

    void push(String what, Step step) {
        steps.push(new Named(what, step));
    }

    void commit() {
        committed = true;
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        while (!steps.isEmpty()) {
            Named n = steps.pop();
            try {
                n.step().run();
            } catch (Exception e) {
                LOG.warn("undoing a failed action: {} failed: {}", n.what(), e.getMessage());
            }
        }
    }
}
