package dev.kumo.core.identity.credential;

import dev.kumo.model.error.CloudError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What Keystone requires of ec2 credentials: a blob that is a JSON object with an {@code access} key, an id
 * that is the SHA-256 (hex) of that access key (so {@code OS-EC2} finds a credential from the access key
 * alone), and delegation keys that an update may not change. Error messages never quote the blob.
 */
final class Ec2Blobs {
    /** Keys Keystone writes into a blob to scope it to a delegation; changing them would escape that scope. */
    private static final List<String> DELEGATION_KEYS = List.of("trust_id", "app_cred_id", "access_token_id", "access_id");

    private Ec2Blobs() {}

    /** The blob's fields, checked: a JSON object whose {@code access} is a non-empty string. */
    static Map<String, Object> fields(BlobParser parser, String blob) {
        Map<String, Object> fields = parser.object(blob).orElseThrow(() -> CloudError.badRequest(
                "Invalid blob in credential: an ec2 credential's blob must be a JSON object such as "
                        + "{\"access\": \"...\", \"secret\": \"...\"} (serialised as a string)."));
        if (!(fields.get("access") instanceof String access) || access.isEmpty()) {
            throw CloudError.badRequest("Invalid blob in credential: an ec2 credential's blob must carry its access "
                    + "key as a non-empty string under 'access'.");
        }
        return fields;
    }

    /** Keystone's id of an ec2 credential: hex SHA-256 of the access key. */
    static String credentialId(String access) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(access.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    /** An update may replace the keys, not the delegation the credential was made under. */
    static void requireSameDelegation(Map<String, Object> old, Map<String, Object> updated) {
        for (String key : DELEGATION_KEYS) {
            if (!Objects.equals(old.get(key), updated.get(key))) {
                throw CloudError.badRequest("%s can not be updated for credential: it records the delegation the "
                        + "credential was created under.", key);
            }
        }
    }

    /** A new key pair as Keystone makes them (two random UUIDs in hex), with no trust, in Keystone's JSON layout. */
    static String newBlob() {
        return "{\"access\": \"" + hex() + "\", \"secret\": \"" + hex() + "\", \"trust_id\": null}";
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
