package dev.kumo.model.identity;

import java.util.Map;

/**
 * A secret a user keeps in Keystone's credential store ({@code /v3/credentials}): {@code blob} is opaque
 * text (a JSON document for {@code ec2} credentials, holding {@code access} and {@code secret}), whose
 * meaning depends on {@code type} ({@code ec2}, {@code cert}, {@code totp}, ...). {@code projectId} may be
 * null except for ec2 credentials. The blob is a secret: {@link #toString()} leaves it out.
 */
public record Credential(String id, String userId, String projectId, String type, String blob,
                         Map<String, Object> extra) {
    /** The type whose blob carries an EC2/S3 access key and secret, and whose id derives from the access key. */
    public static final String EC2 = "ec2";

    public Credential {
        extra = Map.copyOf(extra);
    }

    @Override
    public String toString() {
        return "Credential[id=" + id + ", userId=" + userId + ", projectId=" + projectId + ", type=" + type
                + ", blob=<hidden>, extra=" + extra.keySet() + "]";
    }
}
