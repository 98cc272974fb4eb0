package dev.kumo.api.compute;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Nova's hostId: a per-project hash of a host name, so that projects cannot compare placements. */
final class HostIds {
    private HostIds() {}

    /** SHA-224 of project id then host, in hex; empty without a host (as Nova's generate_hostid). */
    static String of(String projectId, String host) {
        if (host == null || host.isEmpty()) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-224")
                    .digest((projectId + host).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
