package dev.kumo.bench;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches every floating IP from the external host over and over while something else happens (a restart of
 * the driver), counting the fetches that did not get their guest's answer: zero means no floating IP dropped.
 */
final class OutageWatch {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final Thread thread;

    /** What the watch saw: how many fetches it made and how many missed. */
    record Seen(int fetches, int misses) {}

    private OutageWatch(HostShell shell, String namespace, Map<String, String> answers) {
        thread = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                answers.forEach((ip, text) -> {
                    String got = shell.in(namespace, "timeout", "1", "busybox", "wget", "-q", "-O", "-",
                            "http://" + ip + ":8080/index.html").output().strip();
                    fetches.incrementAndGet();
                    if (!got.equals(text)) {
                        misses.incrementAndGet();
                    }
                });
            }
        });
    }

    static OutageWatch start(HostShell shell, String namespace, Map<String, String> answers) {
        return new OutageWatch(shell, namespace, answers);
    }

    /** Stops after the round under way. */
    Seen stop() throws InterruptedException {
        running.set(false);
        thread.join();
        return new Seen(fetches.get(), misses.get());
    }
}
