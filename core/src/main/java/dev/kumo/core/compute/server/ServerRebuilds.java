package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.quota.QuotaService;
import dev.kumo.core.compute.store.ComputeStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * Starts Nova's rebuild: checks the new image (active, fits the flavor), the key and the metadata quota,
 * then records the new image and boot data with the rebuilding task in one transaction. The converger
 * replaces the guest (same ports); the server keeps its id, flavor, host and addresses.
 */
final class ServerRebuilds {
    /** Nova's check_instance_state for rebuild. */
    private static final Set<VmState> FROM = Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR);

    private final ComputeStore store;
    private final ImageCatalog images;
    private final QuotaService quotas;
    private final Clock clock;

    ServerRebuilds(ComputeStore store, ImageCatalog images, QuotaService quotas, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.images = Objects.requireNonNull(images, "images");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code in.publicKey()} is ignored: the key is looked up by {@code in.keyName()} here. */
    Server start(ComputeCaller caller, String id, Rebuild in) {
        Server before = ActionStates.require(store.read(tx -> tx.servers().find(id)), caller, id, "rebuild", FROM, true);
        if (in.name() != null) {
            ServerRules.checkName(in.name());
        }
        BootImage image = images.find(caller, in.imageId())
                .orElseThrow(() -> ComputeErrors.badRequest("Image %s could not be found.", in.imageId()));
        if (!image.active()) {
            throw ComputeErrors.badRequest("Image %s is not active.", in.imageId());
        }
        ServerRules.checkFits(before.flavor(), image);
        String publicKey = in.keyGiven() && in.keyName() != null ? publicKey(caller, before, in.keyName()) : null;
        var resolved = new Rebuild(image.id(), in.name(), in.metadata(), in.descriptionGiven(), in.description(),
                in.keyGiven(), in.keyName(), publicKey, in.userDataGiven(), in.userData(), in.adminPass());
        return store.write(tx -> {
            Server s = ActionStates.require(tx.servers().find(id), caller, id, "rebuild", FROM, true);
            if (in.metadata() != null) {
                quotas.checkMetadata(tx, s.projectId(), in.metadata().size());
            }
            Server rebuilt = s.withRebuild(resolved, clock.instant())
                    .withState(s.vmState(), TaskState.REBUILDING, s.powerState(), clock.instant());
            tx.servers().update(rebuilt);
            return rebuilt;
        });
    }

    /** Nova looks the key up for the server's owner (an admin rebuilding another user's server uses theirs). */
    private String publicKey(ComputeCaller caller, Server s, String keyName) {
        String user = s.userId() != null ? s.userId() : caller.userId();
        return store.read(tx -> tx.keypairs().find(user, keyName))
                .orElseThrow(() -> ComputeErrors.badRequest("Invalid key_name provided.")).publicKey();
    }
}
