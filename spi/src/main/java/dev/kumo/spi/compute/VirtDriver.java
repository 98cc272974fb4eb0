package dev.kumo.spi.compute;

import java.util.List;
import java.util.Optional;

/**
 * A hypervisor connection for one or more compute hosts.
 *
 * <p><b>Vocabulary.</b> An <i>instance</i> is one guest, named by the server id the compute service gave it;
 * a <i>host</i> is a compute node the driver can place guests on ({@link #hosts()}); <i>power state</i> is
 * what the hypervisor reports ({@link PowerState}), never what the API last asked for.
 *
 * <p><b>Idempotency.</b> Every operation may be called again after a crash of the caller with the same
 * arguments: {@link #spawn} of an instance that already runs as requested returns its info; {@link #destroy}
 * of an unknown instance returns quietly; power operations that find the instance already in the target
 * state do nothing.
 *
 * <p><b>Failure.</b> If {@link #spawn} fails, nothing is left behind: no process, disk or tap device; the
 * caller records the {@link VirtDriverException#getMessage() message} as the instance's fault. Other
 * operations that fail leave the instance as it was and say why.
 *
 * <p><b>Threads.</b> The caller serialises operations on one instance; operations on different instances
 * may run concurrently. Calls may block (bounded by the driver, which says what it waited for).
 *
 * <p><b>Capabilities.</b> {@link #hosts()} reports each host's resources and flags, which the scheduler
 * filters and weighs on; {@link #probe()} says whether the driver can work at all, with a reason.
 */
public interface VirtDriver {
    /** Whether this driver can work on this machine, and if not a reason a person can act on. Cheap. */
    DriverStatus probe();

    /** The hosts this driver places guests on, with their total resources and capabilities. */
    List<HostCapabilities> hosts();

    /** Creates and boots the instance on {@code request.host()}; idempotent; nothing left behind on failure. */
    InstanceInfo spawn(SpawnRequest request) throws VirtDriverException;

    /** Stops the guest and removes everything spawn made; unknown instances are fine. */
    void destroy(InstanceRef instance) throws VirtDriverException;

    /** SOFT asks the guest (ACPI), HARD resets it; either way it ends up running. */
    void reboot(InstanceRef instance, RebootType type) throws VirtDriverException;

    void powerOff(InstanceRef instance) throws VirtDriverException;

    void powerOn(InstanceRef instance) throws VirtDriverException;

    void pause(InstanceRef instance) throws VirtDriverException;

    void unpause(InstanceRef instance) throws VirtDriverException;

    /** Saves the guest's memory to disk and stops it; {@link #resume} brings it back. */
    void suspend(InstanceRef instance) throws VirtDriverException;

    void resume(InstanceRef instance) throws VirtDriverException;

    /**
     * Writes the instance's root disk as it is now to {@code target}: one standalone qcow2 file (no backing
     * file) that can become a new image (Nova's createImage). A running guest is paused for the copy and runs
     * again afterwards; a stopped one stays stopped. On failure {@code target} does not exist. Drivers without
     * snapshots fail with a message saying so.
     */
    default void snapshot(InstanceRef instance, java.nio.file.Path target) throws VirtDriverException {
        throw new VirtDriverException("Failed to snapshot instance " + instance.id() + ": this driver cannot take snapshots");
    }

    /**
     * Replaces the guest with a new one booted from {@code request.image()} (Nova's rebuild): the old root disk
     * is gone, the NICs (ports, MACs) are the same. The guest ends up running. The default destroys and spawns
     * again; a failure after the destroy leaves no guest, which the caller records as ERROR.
     */
    default InstanceInfo rebuild(SpawnRequest request) throws VirtDriverException {
        destroy(request.instance());
        return spawn(request);
    }

    /**
     * Gives the instance new sizes on the same host (Nova's resize, and its revert): the guest restarts with
     * {@code flavor}'s vCPUs and RAM, and its root disk grows to {@code flavor.rootDiskGb()} when that is
     * larger (a disk never shrinks: the caller refuses smaller root disks). A running guest runs again
     * afterwards, a stopped one stays stopped. On failure the instance keeps its old sizes.
     */
    default void resize(InstanceRef instance, SpawnRequest.FlavorSpec flavor) throws VirtDriverException {
        throw new VirtDriverException("Failed to resize instance " + instance.id() + ": this driver cannot resize");
    }

    /**
     * Adds a NIC to the instance (Nova's interface attach): a running guest sees a new virtio NIC at once (PCI
     * hot-plug), a stopped one has it at its next boot. The NIC is kept across power off/on and restarts.
     * Attaching a port the instance already has does nothing. On failure the instance is as it was.
     */
    default void attachInterface(InstanceRef instance, SpawnRequest.NicSpec nic) throws VirtDriverException {
        throw new VirtDriverException("Failed to attach interface " + nic.portId() + " to instance " + instance.id()
                + ": this driver cannot hot-plug interfaces");
    }

    /** Removes the instance's NIC of {@code portId} (hot-unplug when running); an unknown port is fine. */
    default void detachInterface(InstanceRef instance, String portId) throws VirtDriverException {
        throw new VirtDriverException("Failed to detach interface " + portId + " from instance " + instance.id()
                + ": this driver cannot hot-unplug interfaces");
    }

    /**
     * The unix socket of the running guest's interactive serial console (bytes both ways, one client at a
     * time), or empty when the guest is not running or the driver has none. The console log keeps working
     * whether or not a client is connected.
     */
    default Optional<java.nio.file.Path> serialConsole(InstanceRef instance) {
        return Optional.empty();
    }

    /** The tail of the guest's serial console; at most {@code maxLines} lines when positive. */
    String consoleOutput(InstanceRef instance, int maxLines) throws VirtDriverException;

    /** What the hypervisor knows about the instance, or empty if it has none. */
    Optional<InstanceInfo> info(InstanceRef instance);

    /** Every instance the driver has on {@code host}, for reconciliation after a restart. */
    List<InstanceInfo> listInstances(String host);
}
