package dev.kumo.core.identity.store;

import java.util.Map;
import java.util.Objects;

/**
 * A credential as the store keeps it: the blob only ever in sealed form ({@code encryptedBlob}, made by the
 * credential service's cipher, which the store never sees), with {@code keyHash} naming the key that sealed it.
 */
public record StoredCredential(String id, String userId, String projectId, String type, String encryptedBlob,
                               String keyHash, Map<String, Object> extra) {
    public StoredCredential {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(encryptedBlob, "encryptedBlob");
        Objects.requireNonNull(keyHash, "keyHash");
        extra = Map.copyOf(extra);
    }
}
