package dev.kumo.core.compute.server;

import dev.kumo.core.compute.flavor.Flavor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A server as stored: identity, the flavor as it was at boot (Nova embeds a copy), what was asked for at create
 * (kept so the converger can retry after a crash), its state and where it runs. {@code oldFlavor} is the flavor
 * before a resize, kept until it is confirmed or reverted (null otherwise).
 */
public record Server(String id, String projectId, String userId, String name, String description, Flavor flavor,
                     String imageId, String keyName, String publicKey, VmState vmState, TaskState taskState,
                     int powerState, String host, String availabilityZone, boolean locked,
                     Map<String, String> metadata, List<String> securityGroups, List<NetworkRequest> networks,
                     String networkMode, List<Nic> nics, String userData, boolean configDrive,
                     String blockDeviceMappings, Fault fault, String reservationId, int launchIndex,
                     Instant createdAt, Instant updatedAt, Instant launchedAt, AccessAddresses access,
                     Flavor oldFlavor) {
    public Server {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(vmState, "vmState");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        networks = networks == null ? List.of() : List.copyOf(networks);
        nics = nics == null ? List.of() : List.copyOf(nics);
        access = access == null ? AccessAddresses.NONE : access; // servers stored before access addresses existed
    }

    /** The API status: the task's transient status where Nova has one, else the vm_state's. */
    public String status() {
        if (taskState == TaskState.REBOOTING && vmState == VmState.ACTIVE) {
            return "REBOOT";
        }
        if (taskState == TaskState.REBOOTING_HARD && vmState == VmState.ACTIVE) {
            return "HARD_REBOOT";
        }
        if (taskState == TaskState.REBUILDING || taskState == TaskState.REBUILD_SPAWNING) {
            return "REBUILD";
        }
        if (taskState == TaskState.RESIZE_PREP || taskState == TaskState.RESIZE_FINISH) {
            return "RESIZE";
        }
        if (taskState == TaskState.RESIZE_REVERTING) {
            return "REVERT_RESIZE";
        }
        return vmState.status();
    }

    public Server withState(VmState vm, TaskState task, int power, Instant now) {
        return new Server(id, projectId, userId, name, description, flavor, imageId, keyName, publicKey, vm, task,
                power, host, availabilityZone, locked, metadata, securityGroups, networks, networkMode, nics, userData,
                configDrive, blockDeviceMappings, fault, reservationId, launchIndex, createdAt, now,
                vm == VmState.ACTIVE && launchedAt == null ? now : launchedAt, access, oldFlavor);
    }

    public Server withHost(String newHost, String zone, Instant now) {
        return new Server(id, projectId, userId, name, description, flavor, imageId, keyName, publicKey, vmState,
                taskState, powerState, newHost, zone, locked, metadata, securityGroups, networks, networkMode, nics,
                userData, configDrive, blockDeviceMappings, fault, reservationId, launchIndex, createdAt, now, launchedAt,
                access, oldFlavor);
    }

    public Server withNics(List<Nic> newNics, Instant now) {
        return new Server(id, projectId, userId, name, description, flavor, imageId, keyName, publicKey, vmState,
                taskState, powerState, host, availabilityZone, locked, metadata, securityGroups, networks, networkMode,
                newNics, userData, configDrive, blockDeviceMappings, fault, reservationId, launchIndex, createdAt, now,
                launchedAt, access, oldFlavor);
    }

    public Server withFault(Fault newFault, Instant now) {
        return new Server(id, projectId, userId, name, description, flavor, imageId, keyName, publicKey, VmState.ERROR,
                null, powerState, host, availabilityZone, locked, metadata, securityGroups, networks, networkMode, nics,
                userData, configDrive, blockDeviceMappings, newFault, reservationId, launchIndex, createdAt, now, launchedAt,
                access, oldFlavor);
    }

    public Server withAccess(AccessAddresses changes, Instant now) {
        return new Server(id, projectId, userId, name, description, flavor, imageId, keyName, publicKey, vmState,
                taskState, powerState, host, availabilityZone, locked, metadata, securityGroups, networks, networkMode,
                nics, userData, configDrive, blockDeviceMappings, fault, reservationId, launchIndex, createdAt, now,
                launchedAt, access.with(changes), oldFlavor);
    }

    public Server withSecurityGroups(List<String> groups, Instant now) {
        return new Server(id, projectId, userId, name, description, flavor, imageId, keyName, publicKey, vmState,
                taskState, powerState, host, availabilityZone, locked, metadata, groups, networks, networkMode, nics,
                userData, configDrive, blockDeviceMappings, fault, reservationId, launchIndex, createdAt, now,
                launchedAt, access, oldFlavor);
    }

    public Server withDetails(String newName, String newDescription, boolean newLocked, Map<String, String> newMetadata,
                              Instant now) {
        return new Server(id, projectId, userId, newName, newDescription, flavor, imageId, keyName, publicKey, vmState,
                taskState, powerState, host, availabilityZone, newLocked, newMetadata, securityGroups, networks,
                networkMode, nics, userData, configDrive, blockDeviceMappings, fault, reservationId, launchIndex,
                createdAt, now, launchedAt, access, oldFlavor);
    }

    /** What a rebuild replaces: the image and the boot data the guest reads; ports, flavor and host stay. */
    public Server withRebuild(Rebuild r, Instant now) {
        return new Server(id, projectId, userId, r.name() == null ? name : r.name(),
                r.descriptionGiven() ? r.description() : description, flavor, r.imageId(),
                r.keyGiven() ? r.keyName() : keyName, r.keyGiven() ? r.publicKey() : publicKey, vmState, taskState,
                powerState, host, availabilityZone, locked, r.metadata() == null ? metadata : r.metadata(),
                securityGroups, networks, networkMode, nics, r.userDataGiven() ? r.userData() : userData, configDrive,
                blockDeviceMappings, fault, reservationId, launchIndex, createdAt, now, launchedAt, access, oldFlavor);
    }

    /** Resize (old = the flavor before it) and its confirm/revert (old = null). */
    public Server withFlavor(Flavor newFlavor, Flavor old, Instant now) {
        return new Server(id, projectId, userId, name, description, newFlavor, imageId, keyName, publicKey, vmState,
                taskState, powerState, host, availabilityZone, locked, metadata, securityGroups, networks, networkMode,
                nics, userData, configDrive, blockDeviceMappings, fault, reservationId, launchIndex, createdAt, now,
                launchedAt, access, old);
    }
}
