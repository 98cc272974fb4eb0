package dev.kumo.core.compute.server;

import java.util.Map;
import java.util.Objects;

/**
 * A rebuild request as the service applies it: the new image, and the fields the caller gave (null name or
 * metadata: keep; the {@code *Given} flags tell "not given" from "set to null" for the fields Nova lets a
 * rebuild clear). {@code publicKey} is the resolved key of {@code keyName}.
 */
public record Rebuild(String imageId, String name, Map<String, String> metadata, boolean descriptionGiven,
                      String description, boolean keyGiven, String keyName, String publicKey, boolean userDataGiven,
                      String userData, String adminPass) {
    public Rebuild {
        Objects.requireNonNull(imageId, "imageId");
        metadata = metadata == null ? null : Map.copyOf(metadata);
    }
}
