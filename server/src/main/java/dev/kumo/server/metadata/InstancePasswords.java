package dev.kumo.server.metadata;

import dev.kumo.core.compute.server.ServerPasswords;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The metadata service's side of the {@code password} document: a guest posts its encrypted admin password
 * once (Windows images and cloud-init's set-passwords do); the compute API's {@code os-server-password} reads it.
 */
public final class InstancePasswords {
    public static final int MAX_BYTES = ServerPasswords.MAX_BYTES;
    private final ServerPasswords passwords;

    public InstancePasswords(ServerPasswords passwords) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    /** A store of its own, for tests of the metadata service alone. */
    public InstancePasswords() {
        this(new ServerPasswords());
    }

    public String get(String instanceId) {
        return passwords.get(instanceId);
    }

    /** The reply to a POST: 200 when stored, 409 when one is already set, 400 when too large. */
    public MetadataReply post(String instanceId, byte[] body) {
        return switch (passwords.post(instanceId, new String(body, StandardCharsets.UTF_8))) {
            case STORED -> MetadataReply.text(new byte[0]);
            case ALREADY_SET -> MetadataReply.error(409, "Conflict");
            case TOO_LARGE -> MetadataReply.error(400, "Request is too large.");
        };
    }
}
