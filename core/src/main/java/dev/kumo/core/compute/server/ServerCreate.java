package dev.kumo.core.compute.server;

import java.util.List;
import java.util.Map;

/**
 * A create request as parsed from the API. {@code networkMode} is "auto", "none", or null when
 * {@code networks} lists what to attach (or was not given at all: {@code networks} null).
 */
public record ServerCreate(String name, String description, String imageRef, String flavorRef, String keyName,
                           List<String> securityGroups, List<NetworkRequest> networks, String networkMode,
                           String userData, Map<String, String> metadata, String availabilityZone,
                           boolean configDrive, int minCount, int maxCount, String blockDeviceMappings,
                           String adminPass, AccessAddresses access) {}
