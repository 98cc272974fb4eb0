package dev.kumo.api.compute;

import dev.kumo.core.compute.action.ActionService;
import dev.kumo.core.compute.console.RemoteConsoles;
import dev.kumo.core.image.ImageService;
import dev.kumo.core.compute.flavor.FlavorService;
import dev.kumo.core.compute.keypair.KeypairService;
import dev.kumo.core.compute.quota.QuotaService;
import dev.kumo.core.compute.server.ServerService;
import dev.kumo.core.compute.host.HostInventory;
import java.util.Objects;

/** The compute service's parts the API calls, and the image service behind Nova's image proxy. */
public record ComputeServices(FlavorService flavors, KeypairService keypairs, ServerService servers,
                              ActionService actions, QuotaService quotas, HostInventory inventory,
                              RemoteConsoles consoles, ImageService images) {
    public ComputeServices {
        Objects.requireNonNull(flavors, "flavors");
        Objects.requireNonNull(keypairs, "keypairs");
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(consoles, "consoles");
        Objects.requireNonNull(images, "images");
    }
}
