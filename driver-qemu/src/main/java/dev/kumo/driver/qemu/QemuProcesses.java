package dev.kumo.driver.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Finds and stops QEMU processes by pid, never by name: a pid counts as an instance's QEMU only when its
 * {@code /proc/<pid>/cmdline} names that instance's pid file, so a recycled pid is never killed.
 */
final class QemuProcesses {
    private static final Path PROC = Path.of("/proc");

    private QemuProcesses() {}

    /** The pid of the instance's running QEMU, read from its pid file and checked against /proc. */
    static OptionalLong running(InstanceFiles files) {
        try {
            if (!Files.isRegularFile(files.pidFile())) {
                return OptionalLong.empty();
            }
            long pid = Long.parseLong(Files.readString(files.pidFile()).strip());
            return belongsTo(pid, files) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static boolean belongsTo(long pid, InstanceFiles files) {
        String cmdline = cmdline(pid);
        return cmdline.contains(QemuCommandLine.BINARY) && cmdline.contains(files.pidFile().toString());
    }

    /** The NUL-separated command line of {@code pid} with spaces instead of NULs, or "" when it is gone. */
    static String cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until the instance's QEMU has exited; true if it did within {@code timeout}. */
    static boolean awaitExit(long pid, InstanceFiles files, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (belongsTo(pid, files) && !zombie(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(100);
        }
        return true;
    }

    /** SIGTERM, then SIGKILL after {@code grace}; returns when the process is gone or after a bounded wait. */
    static boolean stop(long pid, InstanceFiles files, Duration grace) {
        if (!belongsTo(pid, files)) {
            return true;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        if (awaitExit(pid, files, grace)) {
            return true;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        return awaitExit(pid, files, Duration.ofSeconds(5));
    }

    /**
     * Every QEMU process whose pid file lies under {@code instancesRoot}, as (pid, instance id): the guests this
     * state dir owns, including those whose instance folder is gone.
     */
    static List<Owned> under(Path instancesRoot) {
        List<Owned> found = new ArrayList<>();
        String prefix = instancesRoot.toString() + "/";
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                long pid = Long.parseLong(p.getFileName().toString());
                String cmdline = cmdline(pid);
                int at = cmdline.indexOf("-pidfile " + prefix);
                if (cmdline.contains(QemuCommandLine.BINARY) && at >= 0 && !zombie(pid)) {
                    String rest = cmdline.substring(at + "-pidfile ".length() + prefix.length());
                    int slash = rest.indexOf('/');
                    if (slash > 0) {
                        found.add(new Owned(pid, rest.substring(0, slash)));
                    }
                }
            }
        } catch (IOException e) {
            // /proc is always there on Linux; without it there is nothing to find
        }
        return found;
    }

    /** A QEMU process and the instance id its pid file names. */
    record Owned(long pid, String instanceId) {}

    /** Whether {@code pid} runs; an exited daemon may stay a zombie until PID 1 reaps it, which counts as gone. */
    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for QEMU", e);
        }
    }
}
