package dev.kumo.server.metadata;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encrypted admin passwords guests post to {@code /openstack/<version>/password} (Windows images and
 * cloud-init's set-passwords do), as Nova's password handler keeps them: set once, read back, at most 256 bytes.
 * Kept in memory: a restart of kumo forgets them (Nova keeps them in the instance's system metadata), and a
 * deleted server's stays until then (at most 256 bytes each).
 */
public final class InstancePasswords {
    public static final int MAX_BYTES = 256;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    public String get(String instanceId) {
        return passwords.getOrDefault(instanceId, "");
    }

    /** The reply to a POST: 200 when stored, 409 when one is already set, 400 when too large. */
    public MetadataReply post(String instanceId, byte[] body) {
        if (body.length > MAX_BYTES) {
            return MetadataReply.error(400, "Request is too large.");
        }
        String value = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (value.isEmpty() || passwords.putIfAbsent(instanceId, value) != null) {
            return passwords.containsKey(instanceId) ? MetadataReply.error(409, "Conflict") : MetadataReply.text(new byte[0]);
        }
        return MetadataReply.text(new byte[0]);
    }
}
