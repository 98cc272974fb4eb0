package dev.kumo.driver.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The daemons the driver runs (dnsmasq, haproxy), found again by pidfile. A pid counts only when its
 * command line names the daemon's own directory: several instances of each coexist and a pid may have been
 * reused, so a daemon is never found (or killed) by name.
 */
final class Daemons {
    private static final Duration START_WAIT = Duration.ofSeconds(5);
    private final HostCommands host;

    Daemons(HostCommands host) {
        this.host = host;
    }

    /** The running daemon of {@code pidfile} whose command line mentions {@code marker}. */
    Optional<ProcessHandle> running(Path pidfile, String marker) {
        try {
            if (!Files.exists(pidfile)) {
                return Optional.empty();
            }
            String text = Files.readString(pidfile).strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(text.split("\\s+")[0]);
            Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
            if (!Files.exists(cmdline)) {
                return Optional.empty();
            }
            String command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            return command.contains(marker) ? ProcessHandle.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Runs a self-daemonising command and waits until its pidfile names a live process. */
    void start(List<String> command, Path pidfile, String marker, String what) {
        host.run(command).orThrow("start " + what);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (running(pidfile, marker).isPresent()) {
                return;
            }
            sleep(10);
        }
        throw new dev.kumo.spi.network.NetworkDriverException("Failed to start " + what + ": no live process in "
                + pidfile + " after " + START_WAIT.toSeconds() + " s");
    }

    /** SIGTERM, then SIGKILL after two seconds; nothing to do when it is not running. */
    void stop(Path pidfile, String marker) {
        Optional<ProcessHandle> process = running(pidfile, marker);
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (alive(handle.pid()) && System.nanoTime() < deadline) {
            sleep(10);
        }
        if (alive(handle.pid())) {
            handle.destroyForcibly();
        }
    }

    /**
     * Whether the process still runs. A daemon's parent is whatever adopted it, which may reap it late, so a
     * zombie counts as gone (ProcessHandle.isAlive would wait for the reaping).
     */
    static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends SIGHUP (dnsmasq re-reads its host and option files, keeping its leases). */
    boolean hangUp(Path pidfile, String marker) {
        Optional<ProcessHandle> process = running(pidfile, marker);
        return process.isPresent() && host.run("kill", "-HUP", Long.toString(process.get().pid())).succeeded();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
