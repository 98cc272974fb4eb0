package dev.kumo.driver.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.spi.compute.PowerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Starts, queries and stops one instance's QEMU: the steps the driver's operations are made of. Stateless
 * apart from the settings; everything about an instance is in its folder and its process.
 */
final class GuestControl {
    static final Duration QMP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUIT_GRACE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QemuSettings settings;

    GuestControl(QemuSettings settings) {
        this.settings = settings;
    }

    InstanceFiles files(String instanceId) {
        return InstanceFiles.of(settings.instancesRoot(), instanceId);
    }

    /** Starts QEMU daemonized (it outlives kumo) and returns its pid once QMP answers. */
    long start(InstanceFiles files, QemuLaunch launch, Path incoming) throws QemuException {
        try {
            ConsoleLogs.rotateIfLarger(files, settings.consoleLimitBytes());
            Files.deleteIfExists(files.qmpSocket());
            Files.deleteIfExists(files.pidFile());
        } catch (IOException e) {
            throw new QemuException("Failed to start instance " + files.instanceId() + ": " + e, e);
        }
        HostCommand.run(START_TIMEOUT, QemuCommandLine.of(launch, files, incoming))
                .orThrow("to start QEMU for instance " + files.instanceId());
        OptionalLong pid = QemuProcesses.running(files);
        if (pid.isEmpty()) {
            throw new QemuException("Failed to start instance " + files.instanceId()
                    + ": QEMU exited at once; console: " + consoleTail(files));
        }
        try (QmpClient qmp = qmp(files)) {
            qmp.execute("query-status");
        } catch (QemuException e) {
            QemuProcesses.stop(pid.getAsLong(), files, QUIT_GRACE);
            throw e;
        }
        return pid.getAsLong();
    }

    QmpClient qmp(InstanceFiles files) throws QemuException {
        return QmpClient.connect(files.qmpSocket(), QMP_TIMEOUT);
    }

    JsonNode execute(InstanceFiles files, String command, Map<String, Object> arguments) throws QemuException {
        try (QmpClient qmp = qmp(files)) {
            return qmp.execute(command, arguments);
        }
    }

    /** What QEMU says (query-status) when it runs; SUSPENDED or SHUTDOWN from the folder when it does not. */
    PowerState powerState(InstanceFiles files) {
        if (QemuProcesses.running(files).isEmpty()) {
            return Files.exists(files.savedState()) ? PowerState.SUSPENDED : PowerState.SHUTDOWN;
        }
        try {
            return fromQmp(execute(files, "query-status", Map.of()).path("status").asText());
        } catch (QemuException e) {
            return PowerState.NOSTATE;
        }
    }

    static PowerState fromQmp(String status) {
        return switch (status) {
            case "running" -> PowerState.RUNNING;
            case "shutdown" -> PowerState.SHUTDOWN;
            case "internal-error", "io-error", "guest-panicked" -> PowerState.CRASHED;
            case "suspended" -> PowerState.SUSPENDED;
            default -> PowerState.PAUSED; // paused, prelaunch, inmigrate, postmigrate, finish-migrate, ...
        };
    }

    /** ACPI power button; after {@code timeout} QMP quit; after that SIGTERM/SIGKILL. True if the guest obeyed ACPI. */
    boolean powerDown(InstanceFiles files, long pid, Duration timeout) {
        try {
            execute(files, "system_powerdown", Map.of());
            if (QemuProcesses.awaitExit(pid, files, timeout)) {
                return true;
            }
        } catch (QemuException e) {
            // QMP is gone: fall through to a hard stop
        }
        quit(files, pid);
        return false;
    }

    /** QMP quit, then SIGTERM/SIGKILL if QEMU does not go. */
    void quit(InstanceFiles files, long pid) {
        try {
            execute(files, "quit", Map.of());
        } catch (QemuException e) {
            // QEMU closes the socket while quitting, or QMP is gone: either way, check the process
        }
        if (!QemuProcesses.awaitExit(pid, files, QUIT_GRACE)) {
            QemuProcesses.stop(pid, files, QUIT_GRACE);
        }
    }

    QemuLaunch readLaunch(InstanceFiles files) throws QemuException {
        try {
            return JSON.readValue(files.launchFile().toFile(), QemuLaunch.class);
        } catch (IOException e) {
            throw new QemuException("Failed to read the launch description of instance " + files.instanceId() + ": " + e, e);
        }
    }

    void writeLaunch(InstanceFiles files, QemuLaunch launch) throws QemuException {
        Path partial = files.dir().resolve("launch.json.part");
        try {
            JSON.writeValue(partial.toFile(), launch);
            Files.move(partial, files.launchFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new QemuException("Failed to record the launch of instance " + files.instanceId() + ": " + e, e);
        }
    }

    String consoleTail(InstanceFiles files) {
        try {
            return ConsoleLogs.tail(files.consoleLog(), 20, 64 * 1024);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
