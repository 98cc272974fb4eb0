package dev.kumo.core.compute.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encrypted admin passwords guests post to the metadata service's {@code password} document, as Nova keeps
 * them: set once by the guest, read by the owner through {@code os-server-password}, cleared by the owner.
 * Kept in memory: a restart of kumo forgets them (Nova keeps them in the instance's system metadata).
 */
public final class ServerPasswords {
    public static final int MAX_BYTES = 256;

    /** What a guest's post did. */
    public enum Posted { STORED, ALREADY_SET, TOO_LARGE }

    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    public String get(String serverId) {
        return passwords.getOrDefault(serverId, "");
    }

    public Posted post(String serverId, String value) {
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Posted.TOO_LARGE;
        }
        if (value.isEmpty()) {
            return Posted.STORED;
        }
        return passwords.putIfAbsent(serverId, value) == null ? Posted.STORED : Posted.ALREADY_SET;
    }

    public void clear(String serverId) {
        passwords.remove(serverId);
    }
}
