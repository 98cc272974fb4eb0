package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.flavor.FlavorService;
import dev.kumo.core.compute.quota.QuotaService;
import dev.kumo.core.compute.scheduler.NoValidHost;
import dev.kumo.core.compute.scheduler.Scheduler;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.model.error.CloudException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Starts Nova's resize, confirmResize and revertResize. Resize stays on the server's host (kumo does not
 * migrate): in one transaction it checks the quota delta and that the host takes the new flavor in place of
 * the old, then records the new flavor (so quotas and the scheduler count it from now on, as Nova's claim
 * does) with the old one kept for a revert. The converger restarts the guest with the new sizes (VERIFY_RESIZE);
 * confirm drops the old flavor, revert restarts the guest with it.
 */
final class ServerResizes {
    /** Nova's check_instance_state for resize. */
    private static final Set<VmState> FROM = Set.of(VmState.ACTIVE, VmState.STOPPED);

    private final ComputeStore store;
    private final FlavorService flavors;
    private final QuotaService quotas;
    private final Scheduler scheduler;
    private final Clock clock;

    ServerResizes(ComputeStore store, FlavorService flavors, QuotaService quotas, Scheduler scheduler, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.flavors = Objects.requireNonNull(flavors, "flavors");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void resize(ComputeCaller caller, String id, String flavorRef) {
        Flavor to;
        try {
            to = flavors.get(caller, flavorRef);
        } catch (CloudException e) {
            throw ComputeErrors.badRequest("Flavor %s could not be found.", flavorRef);
        }
        store.write(tx -> {
            Server s = ActionStates.require(tx.servers().find(id), caller, id, "resize", FROM, true);
            Flavor from = s.flavor();
            if (from.id().equals(to.id())) {
                throw ComputeErrors.badRequest("When resizing, instances must change flavor!");
            }
            if (to.diskGb() < from.diskGb() || (to.diskGb() == 0 && from.diskGb() > 0)) {
                // libvirt's "Unable to resize disk down.", told at once instead of as a later fault
                throw ComputeErrors.badRequest("Resize error: Unable to resize disk down (flavor %s has a %d GB root disk, "
                        + "the server's has %d GB).", to.name(), to.diskGb(), from.diskGb());
            }
            quotas.checkResize(tx, s.projectId(), to.vcpus() - from.vcpus(), to.ramMb() - from.ramMb());
            try {
                scheduler.claimResize(tx, id, s.host(), from, to);
            } catch (NoValidHost e) {
                throw ComputeErrors.badRequest("%s", e.getMessage());
            }
            tx.servers().update(s.withFlavor(to, from, clock.instant())
                    .withState(s.vmState(), TaskState.RESIZE_PREP, s.powerState(), clock.instant()));
            return null;
        });
    }

    /** confirmResize ({@code confirm}) or revertResize: 400 "Instance has not been resized." unless VERIFY_RESIZE. */
    void finish(ComputeCaller caller, String id, boolean confirm) {
        String action = confirm ? "confirmResize" : "revertResize";
        store.write(tx -> {
            Server s = tx.servers().find(id).filter(x -> caller.owns(x.projectId()))
                    .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
            if (s.vmState() != VmState.RESIZED || s.oldFlavor() == null) {
                if (s.taskState() != null || s.vmState() == VmState.RESIZED) {
                    throw ComputeErrors.conflict("Cannot '%s' instance %s while it is in task_state %s", action, id,
                            s.taskState() == null ? "none" : s.taskState().wire());
                }
                throw ComputeErrors.badRequest("Instance has not been resized.");
            }
            ActionStates.require(java.util.Optional.of(s), caller, id, action, Set.of(VmState.RESIZED), !confirm);
            TaskState task = confirm ? TaskState.RESIZE_CONFIRMING : TaskState.RESIZE_REVERTING;
            tx.servers().update(s.withState(s.vmState(), task, s.powerState(), clock.instant()));
            return null;
        });
    }
}
