package dev.kumo.core.identity.credential;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Credential;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /v3/users/{user_id}/credentials/OS-EC2}: EC2/S3-style key pairs, kept as {@code ec2} credentials whose id
 * is the SHA-256 of the access key (so {@code /v3/credentials} shows the same objects). Users manage their own;
 * admins manage anyone's and system readers read them. A credential is only found under its own user's path.
 */
public final class Ec2CredentialService {
    private final IdentityState state;
    private final CredentialService credentials;
    private final BlobParser parser;

    public Ec2CredentialService(IdentityState state, CredentialService credentials, BlobParser parser) {
        this.state = Objects.requireNonNull(state, "state");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** A new random key pair for {@code userId} on project {@code tenantId}. */
    public Ec2Credential create(Token caller, String userId, String tenantId) {
        Policy.requireAdminOrOwner(caller, userId, "identity:ec2_create_credential");
        CredentialService.requireUnrestricted(caller);
        String blob = Ec2Blobs.newBlob();
        String id = Ec2Blobs.credentialId((String) Ec2Blobs.fields(parser, blob).get("access"));
        var credential = new Credential(id, userId, tenantId, Credential.EC2, blob, Map.of());
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            requireUser(s, userId);
            if (tenantId == null || s.project(tenantId).isEmpty()) {
                throw CloudError.notFound("ProjectNotFound", "Could not find project: %s.",
                        tenantId == null ? "none was given (the request needs a tenant_id)" : tenantId);
            }
            credentials.insert(tx, credential);
            return view(credential);
        });
    }

    public List<Ec2Credential> list(Token caller, String userId) {
        Policy.requireReaderOrOwner(caller, userId, "identity:ec2_list_credentials");
        requireUser(state.current(), userId);
        return credentials.ofUser(userId, Credential.EC2).stream().map(this::view).toList();
    }

    public Ec2Credential get(Token caller, String userId, String access) {
        Credential c = find(userId, access);
        Policy.requireReaderOrOwner(caller, c.userId(), "identity:ec2_get_credential");
        return view(c);
    }

    public void delete(Token caller, String userId, String access) {
        Credential c = find(userId, access);
        Policy.requireAdminOrOwner(caller, c.userId(), "identity:ec2_delete_credential");
        credentials.delete(caller, c.id());
    }

    /** The user's ec2 credential with that access key; another user's is as unknown as a missing one. */
    private Credential find(String userId, String access) {
        requireUser(state.current(), userId);
        return credentials.find(Ec2Blobs.credentialId(access))
                .filter(c -> Credential.EC2.equals(c.type()) && c.userId().equals(userId))
                .orElseThrow(() -> CloudError.notFound("CredentialNotFound",
                        "Could not find credential: %s (no ec2 credential of user %s has that access key).", access, userId));
    }

    private Ec2Credential view(Credential c) {
        Map<String, Object> blob = parser.object(c.blob()).orElse(Map.of());
        return new Ec2Credential(text(blob.get("access")), text(blob.get("secret")), c.userId(), c.projectId(),
                text(blob.get("trust_id")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void requireUser(IdentitySnapshot s, String userId) {
        if (s.user(userId).isEmpty()) {
            throw CloudError.notFound("UserNotFound", "Could not find user: %s.", userId);
        }
    }
}
