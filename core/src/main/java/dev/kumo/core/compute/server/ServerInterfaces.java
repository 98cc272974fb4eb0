package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.compute.VirtDriverException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nova's {@code os-interface}: a server's ports, and hot-plug and unplug of one. Attach and detach run while the
 * converger holds the server's lock, in the order that leaves nothing behind on failure: the port first, then
 * the guest, then the server record (which holds its NICs, so a restart or power-on keeps the change).
 */
public final class ServerInterfaces {
    /** Nova allows interface changes in these states only, and without a task. */
    private static final Set<VmState> CHANGEABLE = Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED);

    private final ComputeStore store;
    private final NetworkPlumbing network;
    private final ServerConverger converger;
    private final Clock clock;

    ServerInterfaces(ComputeStore store, NetworkPlumbing network, ServerConverger converger, Clock clock) {
        this.store = store;
        this.network = network;
        this.converger = converger;
        this.clock = clock;
    }

    /** What to attach: a port, or a network (with an optional fixed IP); neither means the only usable network. */
    public record Request(String portId, String networkId, String fixedIp) {}

    public List<InterfaceAttachment> list(ComputeCaller caller, String serverId) {
        return server(caller, serverId).nics().stream().map(this::attachment).toList();
    }

    public InterfaceAttachment get(ComputeCaller caller, String serverId, String portId) {
        return attachment(nic(server(caller, serverId), portId));
    }

    public InterfaceAttachment attach(ComputeCaller caller, String serverId, Request in) {
        Server s = server(caller, serverId);
        checkChangeable(caller, s, "attach_interface");
        NetworkRequest target = resolve(caller, in);
        Nic nic = converger.history().recorded(caller, serverId, s.projectId(), "attach_interface",
                "compute_attach_interface", s.host(), () -> converger.exclusive(serverId, () -> plug(caller, serverId, target)));
        return attachment(nic);
    }

    public void detach(ComputeCaller caller, String serverId, String portId) {
        Server s = server(caller, serverId);
        checkChangeable(caller, s, "detach_interface");
        nic(s, portId);
        converger.history().recorded(caller, serverId, s.projectId(), "detach_interface", "compute_detach_interface",
                s.host(), () -> converger.exclusive(serverId, () -> unplug(caller, serverId, portId)));
    }

    private Nic plug(ComputeCaller caller, String serverId, NetworkRequest target) {
        Server s = server(caller, serverId);
        checkChangeable(caller, s, "attach_interface");
        Nic nic = target.portId() != null ? network.bindPort(s, target.portId())
                : network.createPort(s, target.networkId(), target.fixedIp());
        try {
            converger.driver().attachInterface(new InstanceRef(s.id(), s.host()),
                    new SpawnRequest.NicSpec(nic.portId(), nic.networkId(), nic.macAddress(), nic.fixedIps()));
        } catch (VirtDriverException e) {
            network.release(s, List.of(nic));
            throw new CloudError.Internal("computeFault", "Failed to attach network adapter device to "
                    + s.id() + ": " + e.getMessage()).exception();
        }
        var nics = new ArrayList<>(s.nics());
        nics.add(nic);
        store.write(tx -> {
            tx.servers().update(s.withNics(nics, clock.instant()));
            return null;
        });
        return nic;
    }

    private Void unplug(ComputeCaller caller, String serverId, String portId) {
        Server s = server(caller, serverId);
        checkChangeable(caller, s, "detach_interface");
        Nic nic = nic(s, portId);
        try {
            converger.driver().detachInterface(new InstanceRef(s.id(), s.host()), portId);
        } catch (VirtDriverException e) {
            throw new CloudError.Internal("computeFault", "Failed to detach network adapter device from "
                    + s.id() + ": " + e.getMessage()).exception();
        }
        var nics = new ArrayList<>(s.nics());
        nics.remove(nic);
        store.write(tx -> {
            tx.servers().update(s.withNics(nics, clock.instant()));
            return null;
        });
        network.release(s, List.of(nic));
        return null;
    }

    private NetworkRequest resolve(ComputeCaller caller, Request in) {
        if (in.portId() != null && in.networkId() != null) {
            throw ComputeErrors.badRequest("Must not input both network_id and port_id");
        }
        if (in.portId() != null) {
            var port = network.port(caller, in.portId())
                    .orElseThrow(() -> ComputeErrors.notFound("Port %s could not be found.", in.portId()));
            if (port.deviceId() != null && !port.deviceId().isEmpty()) {
                throw ComputeErrors.conflict("Port %s is still in use.", in.portId());
            }
            return new NetworkRequest(port.networkId(), port.id(), null);
        }
        if (in.networkId() != null) {
            network.network(caller, in.networkId())
                    .orElseThrow(() -> ComputeErrors.notFound("Network %s could not be found.", in.networkId()));
            return new NetworkRequest(in.networkId(), null, in.fixedIp());
        }
        if (in.fixedIp() != null) {
            throw ComputeErrors.badRequest("Must input network_id when request IP address");
        }
        var usable = network.usableNetworks(caller);
        if (usable.size() != 1) {
            throw ComputeErrors.conflict(usable.isEmpty() ? "No networks are available to attach an interface to."
                    : "Multiple possible networks found, use a Network ID to be more specific.");
        }
        return new NetworkRequest(usable.get(0).id(), null, null);
    }

    private static void checkChangeable(ComputeCaller caller, Server s, String action) {
        if (s.locked() && !caller.admin()) {
            throw ComputeErrors.conflict("Instance %s is locked", s.id());
        }
        if (!CHANGEABLE.contains(s.vmState()) || s.taskState() != null || s.host() == null) {
            throw ComputeErrors.conflict("Cannot '%s' instance %s while it is in %s %s", action, s.id(),
                    s.taskState() != null ? "task_state" : "vm_state",
                    s.taskState() != null ? s.taskState().wire() : s.vmState().wire());
        }
    }

    private InterfaceAttachment attachment(Nic nic) {
        return network.attachment(nic).orElseGet(() -> new InterfaceAttachment(nic.portId(), nic.networkId(),
                nic.macAddress(), "DOWN", List.of()));
    }

    private static Nic nic(Server s, String portId) {
        return s.nics().stream().filter(n -> n.portId().equals(portId)).findFirst()
                .orElseThrow(() -> ComputeErrors.notFound("Port %s is not attached", portId));
    }

    private Server server(ComputeCaller caller, String id) {
        return store.read(tx -> tx.servers().find(id)).filter(s -> caller.owns(s.projectId()))
                .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
    }
}
