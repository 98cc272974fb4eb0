package dev.kumo.core.identity.credential;

/**
 * An ec2 credential as {@code OS-EC2} shows it: the access key and secret from its blob, its user and project
 * ({@code tenant_id} in the API), and the trust it was made under, if any. {@link #toString()} hides the secret.
 */
public record Ec2Credential(String access, String secret, String userId, String tenantId, String trustId) {
    @Override
    public String toString() {
        return "Ec2Credential[access=" + access + ", secret=<hidden>, userId=" + userId + ", tenantId=" + tenantId
                + ", trustId=" + trustId + "]";
    }
}
