package dev.kumo.core.compute.server;

import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.SpawnRequest;

/** A server record as the driver's {@link SpawnRequest}. */
final class SpawnRequests {
    private SpawnRequests() {}

    static SpawnRequest of(Server s, BootImageFiles images) {
        var flavor = flavor(s.flavor());
        var nics = s.nics().stream()
                .map(n -> new SpawnRequest.NicSpec(n.portId(), n.networkId(), n.macAddress(), n.fixedIps()))
                .toList();
        var image = s.imageId() == null ? new SpawnRequest.ImageSpec("", null, null) : images.locate(s.imageId());
        return new SpawnRequest(new InstanceRef(s.id(), s.host()), s.name(), flavor, image, nics, s.metadata(),
                s.userData(), s.publicKey(), s.configDrive());
    }

    static SpawnRequest.FlavorSpec flavor(dev.kumo.core.compute.flavor.Flavor f) {
        return new SpawnRequest.FlavorSpec(f.vcpus(), f.ramMb(), f.diskGb(), f.ephemeralGb(), f.extraSpecs());
    }
}
