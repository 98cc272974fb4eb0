package dev.kumo.driver.qemu;

import dev.kumo.spi.compute.ConfigDriveSource;
import dev.kumo.spi.compute.DriverStatus;
import dev.kumo.spi.compute.HostCapabilities;
import dev.kumo.spi.compute.InstanceInfo;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.PowerState;
import dev.kumo.spi.compute.RebootType;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.compute.VirtDriverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VirtDriver} on this machine's QEMU: one daemonized {@code qemu-system-x86_64} per instance, driven over
 * QMP, everything under {@code <state dir>/instances/<id>/}. A kumo restart never kills guests: a new driver on
 * the same state dir finds them by pid file and {@code /proc}, and reports their real power state through QMP.
 * The accelerator is KVM only when a probe guest boots under it, TCG otherwise.
 */
public final class QemuVirtDriver implements VirtDriver {
    private static final Logger LOG = LoggerFactory.getLogger(QemuVirtDriver.class);
    private static final long CONSOLE_READ_BYTES = 1 << 20;

    private final QemuSettings settings;
    private final GuestControl control;
    private final GuestBuilder builder;
    private final Suspension suspension;
    /** Chosen by a probe guest in the background, so that kumo is healthy before the probe ends (up to 5 s). */
    private final CompletableFuture<Accelerator> accelerator;
    private final String qemuVersion;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public QemuVirtDriver(QemuSettings settings, ConfigDriveSource configDrives) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(configDrives, "configDrives");
        try {
            Files.createDirectories(settings.instancesRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + settings.instancesRoot(), e);
        }
        this.qemuVersion = qemuVersion();
        this.accelerator = qemuVersion == null ? CompletableFuture.completedFuture(Accelerator.tcg("QEMU is not installed"))
                : CompletableFuture.supplyAsync(() -> AcceleratorProbe.choose(settings.kvmDevice(), settings.probeImage(),
                        settings.instancesRoot(), settings.probeTimeout()), Executors.newVirtualThreadPerTaskExecutor());
        this.accelerator.thenAccept(a -> LOG.info("QEMU driver: {}", a.reason()));
        this.control = new GuestControl(settings);
        this.builder = new GuestBuilder(settings, control, configDrives, this.accelerator::join);
        this.suspension = new Suspension(control);
        LOG.info("QEMU driver: {} running guests found under {}", reattach(), settings.instancesRoot());
        Thread.ofVirtual().name("qemu-console-logs").start(this::boundConsoleLogs);
    }

    /** Every minute, bounds the console logs of running guests (a chatty guest must not fill the disk). */
    private void boundConsoleLogs() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                return;
            }
            for (QemuProcesses.Owned guest : QemuProcesses.under(settings.instancesRoot())) {
                try {
                    ConsoleLogs.boundWhileRunning(control.files(guest.instanceId()), settings.consoleLimitBytes());
                } catch (IOException | IllegalArgumentException e) {
                    LOG.debug("instance {}: console log not bounded: {}", guest.instanceId(), e.getMessage());
                }
            }
        }
    }

    /** The accelerator chosen at start ("kvm" or "tcg"). */
    public String accelerator() {
        return accelerator.join().name();
    }

    @Override
    public DriverStatus probe() {
        if (qemuVersion == null) {
            return DriverStatus.notOperational(QemuCommandLine.BINARY + " is not installed (apt-get install qemu-system-x86)");
        }
        Accelerator chosen = accelerator.getNow(null);
        return DriverStatus.ok(qemuVersion + ", " + (chosen == null ? "probing whether KVM boots a guest" : chosen.reason()));
    }

    @Override
    public List<HostCapabilities> hosts() {
        return List.of(HostResources.of(settings.hostName(), settings.stateDir(),
                accelerator.getNow(Accelerator.tcg("probing whether KVM boots a guest")), settings.tcgCacheMb()));
    }

    @Override
    public InstanceInfo spawn(SpawnRequest request) throws VirtDriverException {
        String id = request.instance().id();
        checkHost(request.instance(), "spawn");
        return locked(id, "spawn", files -> {
            if (Files.exists(files.launchFile())) {
                if (control.powerState(files) == PowerState.SHUTDOWN) {
                    control.start(files, control.readLaunch(files), null);
                }
            } else {
                // a folder without a launch record is what a crash in the middle of a spawn left: start over
                GuestBuilder.deleteFolders(files);
                builder.build(request, files);
            }
            return infoOf(files);
        });
    }

    @Override
    public void destroy(InstanceRef instance) throws VirtDriverException {
        if (!InstanceFiles.validId(instance.id())) {
            return;
        }
        locked(instance.id(), "destroy", files -> {
            QemuProcesses.running(files).ifPresent(pid -> control.quit(files, pid));
            for (QemuProcesses.Owned stray : QemuProcesses.under(settings.instancesRoot())) {
                if (stray.instanceId().equals(instance.id())) {
                    QemuProcesses.stop(stray.pid(), files, Duration.ofSeconds(5));
                }
            }
            GuestBuilder.deleteFolders(files);
            if (Files.exists(files.dir())) {
                throw new QemuException("Failed to destroy instance " + instance.id() + ": " + files.dir()
                        + " could not be deleted");
            }
            return null;
        });
    }

    @Override
    public void reboot(InstanceRef instance, RebootType type) throws VirtDriverException {
        locked(instance.id(), "reboot", files -> {
            requireKnown(files);
            OptionalLong pid = QemuProcesses.running(files);
            if (pid.isEmpty()) {
                control.start(files, control.readLaunch(files), null);
            } else if (type == RebootType.HARD || !softReboot(files, pid.getAsLong())) {
                control.execute(files, "system_reset", Map.of());
                if (control.powerState(files) == PowerState.PAUSED) {
                    control.execute(files, "cont", Map.of());
                }
            }
            return null;
        });
    }

    /** ACPI power-down, then a fresh start; false when the guest ignored ACPI (the caller resets it). */
    private boolean softReboot(InstanceFiles files, long pid) throws QemuException {
        control.execute(files, "system_powerdown", Map.of());
        if (!QemuProcesses.awaitExit(pid, files, settings.powerOffTimeout())) {
            return false;
        }
        control.start(files, control.readLaunch(files), null);
        return true;
    }

    @Override
    public void powerOff(InstanceRef instance) throws VirtDriverException {
        locked(instance.id(), "power off", files -> {
            requireKnown(files);
            OptionalLong pid = QemuProcesses.running(files);
            if (pid.isPresent()) {
                control.powerDown(files, pid.getAsLong(), settings.powerOffTimeout());
            }
            return null;
        });
    }

    @Override
    public void powerOn(InstanceRef instance) throws VirtDriverException {
        locked(instance.id(), "power on", files -> {
            requireKnown(files);
            if (Files.exists(files.savedState())) {
                suspension.resume(files);
            } else if (QemuProcesses.running(files).isEmpty()) {
                control.start(files, control.readLaunch(files), null);
            }
            return null;
        });
    }

    @Override
    public void pause(InstanceRef instance) throws VirtDriverException {
        qmpOnRunning(instance, "pause", "stop");
    }

    @Override
    public void unpause(InstanceRef instance) throws VirtDriverException {
        qmpOnRunning(instance, "unpause", "cont");
    }

    private void qmpOnRunning(InstanceRef instance, String action, String command) throws VirtDriverException {
        locked(instance.id(), action, files -> {
            requireRunning(files, action);
            return control.execute(files, command, Map.of());
        });
    }

    @Override
    public void suspend(InstanceRef instance) throws VirtDriverException {
        locked(instance.id(), "suspend", files -> {
            if (!Files.exists(files.savedState())) {
                suspension.suspend(files, requireRunning(files, "suspend"));
            }
            return null;
        });
    }

    @Override
    public void resume(InstanceRef instance) throws VirtDriverException {
        locked(instance.id(), "resume", files -> {
            requireKnown(files);
            if (Files.exists(files.savedState())) {
                suspension.resume(files);
            }
            return null;
        });
    }

    @Override
    public void snapshot(InstanceRef instance, Path target) throws VirtDriverException {
        locked(instance.id(), "snapshot", files -> {
            requireKnown(files);
            Snapshots.take(control, files, target);
            return null;
        });
    }

    @Override
    public void resize(InstanceRef instance, SpawnRequest.FlavorSpec flavor) throws VirtDriverException {
        locked(instance.id(), "resize", files -> {
            requireKnown(files);
            Resizes.resize(control, files, flavor, settings.powerOffTimeout());
            return null;
        });
    }

    @Override
    public void attachInterface(InstanceRef instance, SpawnRequest.NicSpec nic) throws VirtDriverException {
        checkHost(instance, "attach an interface to");
        locked(instance.id(), "attach interface " + nic.portId() + " to", files -> {
            requireKnown(files);
            HotPlugs.attach(control, files, nic);
            return null;
        });
    }

    @Override
    public void detachInterface(InstanceRef instance, String portId) throws VirtDriverException {
        checkHost(instance, "detach an interface from");
        locked(instance.id(), "detach interface " + portId + " from", files -> {
            requireKnown(files);
            HotPlugs.detach(control, files, portId);
            return null;
        });
    }

    @Override
    public Optional<Path> serialConsole(InstanceRef instance) {
        if (!InstanceFiles.validId(instance.id()) || !instance.host().equals(settings.hostName())) {
            return Optional.empty();
        }
        InstanceFiles files = InstanceFiles.of(settings.instancesRoot(), instance.id());
        if (QemuProcesses.running(files).isEmpty() || !Files.exists(files.serialSocket())) {
            return Optional.empty();
        }
        return Optional.of(files.serialSocket());
    }

    @Override
    public String consoleOutput(InstanceRef instance, int maxLines) throws VirtDriverException {
        InstanceFiles files = filesOrFail(instance.id(), "get console output");
        if (!Files.isDirectory(files.dir())) {
            throw new VirtDriverException("Failed to get console output of instance " + instance.id()
                    + ": the hypervisor has no such instance on " + instance.host());
        }
        try {
            return ConsoleLogs.tail(files.consoleLog(), maxLines, CONSOLE_READ_BYTES);
        } catch (IOException e) {
            throw new VirtDriverException("Failed to get console output of instance " + instance.id() + ": " + e, e);
        }
    }

    @Override
    public Optional<InstanceInfo> info(InstanceRef instance) {
        if (!InstanceFiles.validId(instance.id()) || !instance.host().equals(settings.hostName())) {
            return Optional.empty();
        }
        InstanceFiles files = control.files(instance.id());
        if (!Files.exists(files.launchFile())) {
            return Optional.empty();
        }
        ReentrantLock lock = locks.computeIfAbsent(instance.id(), k -> new ReentrantLock());
        boolean held = tryLock(lock);
        try {
            // without the lock (a long power-down is in progress) QMP is busy: report from the process alone
            return Optional.of(held ? infoOf(files) : new InstanceInfo(instance.id(), settings.hostName(),
                    QemuProcesses.running(files).isPresent() ? PowerState.RUNNING : PowerState.SHUTDOWN, 0, 0));
        } catch (QemuException e) {
            return Optional.empty();
        } finally {
            if (held) {
                lock.unlock();
            }
        }
    }

    @Override
    public List<InstanceInfo> listInstances(String host) {
        if (!host.equals(settings.hostName())) {
            return List.of();
        }
        List<InstanceInfo> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(settings.instancesRoot(), Files::isDirectory)) {
            for (Path dir : dirs) {
                String id = dir.getFileName().toString();
                if (InstanceFiles.validId(id)) {
                    info(new InstanceRef(id, host)).ifPresent(i -> {
                        out.add(i);
                        seen.add(id);
                    });
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", settings.instancesRoot(), e.getMessage());
        }
        // QEMU processes of this state dir whose instance folder is gone or incomplete: the converger decides
        for (QemuProcesses.Owned stray : QemuProcesses.under(settings.instancesRoot())) {
            if (seen.add(stray.instanceId())) {
                out.add(new InstanceInfo(stray.instanceId(), host, PowerState.RUNNING, 0, 0));
            }
        }
        return out;
    }

    private InstanceInfo infoOf(InstanceFiles files) throws QemuException {
        QemuLaunch launch = control.readLaunch(files);
        return new InstanceInfo(files.instanceId(), settings.hostName(), control.powerState(files), launch.vcpus(),
                launch.memoryMb());
    }

    /** How many guests of an earlier kumo still run; each one answers QMP, or is named in the log. */
    private int reattach() {
        int running = 0;
        for (QemuProcesses.Owned guest : QemuProcesses.under(settings.instancesRoot())) {
            InstanceFiles files = control.files(guest.instanceId());
            PowerState state = control.powerState(files);
            LOG.info("instance {}: QEMU pid {} still runs ({})", guest.instanceId(), guest.pid(), state);
            running++;
        }
        return running;
    }

    private long requireRunning(InstanceFiles files, String action) throws QemuException {
        requireKnown(files);
        OptionalLong pid = QemuProcesses.running(files);
        if (pid.isEmpty()) {
            throw new QemuException("Failed to " + action + " instance " + files.instanceId() + ": it is not running");
        }
        return pid.getAsLong();
    }

    private static void requireKnown(InstanceFiles files) throws QemuException {
        if (!Files.exists(files.launchFile())) {
            throw new QemuException("Failed on instance " + files.instanceId() + ": the hypervisor has no such instance");
        }
    }

    private void checkHost(InstanceRef instance, String action) throws VirtDriverException {
        if (!instance.host().equals(settings.hostName())) {
            throw new VirtDriverException("Failed to " + action + " instance " + instance.id() + ": no host "
                    + instance.host() + " (this driver runs " + settings.hostName() + ")");
        }
    }

    private InstanceFiles filesOrFail(String id, String action) throws VirtDriverException {
        if (!InstanceFiles.validId(id)) {
            throw new VirtDriverException("Failed to " + action + " instance " + id + ": not a valid instance id");
        }
        return control.files(id);
    }

    /** One step on one instance, under its lock; driver failures become VirtDriverException with the message. */
    @FunctionalInterface
    private interface Step<T> {
        T run(InstanceFiles files) throws QemuException;
    }

    private <T> T locked(String id, String action, Step<T> step) throws VirtDriverException {
        InstanceFiles files = filesOrFail(id, action);
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            return step.run(files);
        } catch (QemuException e) {
            throw new VirtDriverException(e.getMessage().startsWith("Failed") ? e.getMessage()
                    : "Failed to " + action + " instance " + id + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private static boolean tryLock(ReentrantLock lock) {
        try {
            return lock.tryLock(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String qemuVersion() {
        var result = HostCommand.run(Duration.ofSeconds(10), QemuCommandLine.BINARY, "--version");
        return result.succeeded() ? result.output().lines().findFirst().orElse("QEMU").strip() : null;
    }
}
