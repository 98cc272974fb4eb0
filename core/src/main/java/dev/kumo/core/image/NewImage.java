package dev.kumo.core.image;

import java.util.List;
import java.util.Map;

/**
 * A create request: every field but {@code properties} and {@code tags} may be null (not given). Values are
 * already of the right JSON type; their ranges and enumerations are checked by {@link ImageService}.
 */
public record NewImage(String id, String name, String visibility, Boolean isProtected, Boolean osHidden, String owner,
                       String diskFormat, String containerFormat, Integer minDisk, Integer minRam, List<String> tags,
                       Map<String, String> properties) {}
