package dev.kumo.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes what an earlier test JVM that died (killed, timed out) left behind: its daemonized QEMU
 * and dnsmasq processes, found through their pid files and checked against their command line
 * (a reused pid is left alone), its namespaces {@code kumo-gt-<pid>-<n>}, and its work directory.
 * Only labs whose owning JVM is gone are touched.
 */
final class StaleLabs {
    private static final Pattern WORK_DIR = Pattern.compile("kumo-gt-(\\d+)");
    private static final Pattern NAMESPACE = Pattern.compile("^(kumo-gt-(\\d+)-\\d+)\\b", Pattern.MULTILINE);

    private StaleLabs() {}

    static void sweep(Path tmp) {
        try (Stream<Path> dirs = Files.list(tmp)) {
            for (Path dir : dirs.toList()) {
                Matcher m = WORK_DIR.matcher(dir.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(1)))) {
                    stopProcesses(dir);
                    delete(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher ns = NAMESPACE.matcher(HostCommand.run(Duration.ofSeconds(10), "ip", "netns", "list").output());
        while (ns.find()) {
            if (!alive(Long.parseLong(ns.group(2)))) {
                HostCommand.run(Duration.ofSeconds(10), "ip", "netns", "del", ns.group(1));
            }
        }
    }

    private static void stopProcesses(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> pidFiles = files.filter(p -> p.getFileName().toString().matches("qemu\\.pid|metadata\\.pid|pid")).toList();
            for (Path pidFile : pidFiles) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                if (commandLine(pid).contains(pidFile.getParent().toString())) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
