package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import java.util.Optional;

/** The image service as the compute service uses it; implemented where services are wired. */
public interface ImageCatalog {
    /** The image {@code id} if the caller may boot from it. */
    Optional<BootImage> find(ComputeCaller caller, String id);
}
