package dev.kumo.core.identity.credential;

import dev.kumo.core.identity.Extras;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.store.StoredCredential;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Credential;
import dev.kumo.model.identity.Ids;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /v3/credentials}, with Keystone's default policy: admins manage every credential, system readers read
 * them, and any user manages their own (a credential may not be given away). Non-admins asking about someone
 * else's credential, or about one that does not exist, get the same 403, so ids cannot be probed. Credentials
 * are read from the store directly, not from the identity snapshot: they can be many.
 */
public final class CredentialService {
    private static final int MAX_TYPE_LENGTH = 255;

    private final IdentityState state;
    private final CredentialCipher cipher;
    private final BlobParser parser;

    public CredentialService(IdentityState state, CredentialCipher cipher, BlobParser parser) {
        this.state = Objects.requireNonNull(state, "state");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public Credential create(Token caller, CredentialChanges in) {
        Policy.require(Policy.isAdmin(caller) || caller.userId().equals(in.userId()), "identity:create_credential");
        if (in.userId() == null) {
            throw CloudError.badRequest("'user_id' is a required property.");
        }
        String type = type(in.type());
        if (in.blob() == null) {
            throw CloudError.badRequest("'blob' is a required property.");
        }
        String projectId = in.projectId() == null ? null : in.projectId().orElse(null);
        String id = Ids.newId();
        if (Credential.EC2.equals(type)) {
            requireUnrestricted(caller);
            id = Ec2Blobs.credentialId((String) Ec2Blobs.fields(parser, in.blob()).get("access"));
            if (projectId == null) {
                throw CloudError.badRequest("Invalid input for field 'project_id': an ec2 credential needs the id of "
                        + "the project its keys act on.");
            }
        }
        var credential = new Credential(id, in.userId(), projectId, type, in.blob(), Extras.initial(in.extra()));
        return state.store().write(tx -> {
            requireOwnerAndProject(state.current(), credential);
            if (tx.credentials().get(credential.id()).isPresent()) {
                throw CloudError.conflict("Conflict", "Conflict occurred attempting to store credential - Duplicate ID, "
                        + "%s: a credential with that id (for ec2, with that access key) exists.", credential.id());
            }
            insert(tx, credential);
            return credential;
        });
    }

    /** Readers see every credential; anyone else only their own, whatever filter they ask for. */
    public List<Credential> list(Token caller, String userId, String type) {
        Objects.requireNonNull(caller, "caller");
        if (!Policy.isReader(caller)) {
            if (userId != null && !userId.equals(caller.userId())) {
                return List.of();
            }
            userId = caller.userId();
        }
        String owner = userId;
        return state.store().read(tx -> tx.credentials().list(owner, type)).stream().map(this::open).toList();
    }

    public Credential get(Token caller, String id) {
        return visible(caller, id, Policy.isReader(caller), "identity:get_credential");
    }

    public Credential update(Token caller, String id, CredentialChanges in) {
        Credential old = visible(caller, id, Policy.isAdmin(caller), "identity:update_credential");
        Credential updated = merged(old, in);
        // the updated credential must still be the caller's: a user may not hand a credential to someone else
        Policy.require(Policy.isAdmin(caller) || caller.userId().equals(updated.userId()), "identity:update_credential");
        if (Credential.EC2.equals(updated.type())) {
            requireValidEc2Update(old, updated);
        }
        return state.store().write(tx -> {
            requireOwnerAndProject(state.current(), updated);
            if (tx.credentials().get(id).isEmpty()) {
                throw notFound(id);
            }
            tx.credentials().update(seal(updated));
            return updated;
        });
    }

    public void delete(Token caller, String id) {
        visible(caller, id, Policy.isAdmin(caller), "identity:delete_credential");
        state.store().write(tx -> {
            if (!tx.credentials().delete(id)) {
                throw notFound(id);
            }
            return null;
        });
    }

    // ---- shared with Ec2CredentialService

    Optional<Credential> find(String id) {
        return state.store().read(tx -> tx.credentials().get(id)).map(this::open);
    }

    List<Credential> ofUser(String userId, String type) {
        return state.store().read(tx -> tx.credentials().list(userId, type)).stream().map(this::open).toList();
    }

    void insert(IdentityTx tx, Credential credential) {
        tx.credentials().insert(seal(credential));
    }

    static CloudException notFound(String id) {
        return CloudError.notFound("CredentialNotFound", "Could not find credential: %s.", id);
    }

    static void requireUnrestricted(Token caller) {
        ApplicationCredential used = caller.applicationCredential();
        if (used != null && !used.unrestricted()) {
            throw CloudError.forbidden("You are not authorized to perform the requested action: Using method "
                    + "'application_credential' is not allowed for managing additional credentials.");
        }
    }

    // ---- internals

    /** The credential when the caller may act on it ({@code allowedForAll}) or owns it; else 404 or 403. */
    private Credential visible(Token caller, String id, boolean allowedForAll, String action) {
        Optional<Credential> found = find(id);
        if (allowedForAll) {
            return found.orElseThrow(() -> notFound(id));
        }
        Policy.require(found.isPresent() && caller.userId().equals(found.get().userId()), action);
        return found.get();
    }

    private Credential merged(Credential old, CredentialChanges in) {
        String projectId = in.projectId() == null ? old.projectId() : in.projectId().orElse(null);
        return new Credential(old.id(), in.userId() == null ? old.userId() : in.userId(), projectId,
                in.type() == null ? old.type() : type(in.type()), in.blob() == null ? old.blob() : in.blob(),
                Extras.merge(old.extra(), in.extra()));
    }

    private void requireValidEc2Update(Credential old, Credential updated) {
        Map<String, Object> fields = Ec2Blobs.fields(parser, updated.blob());
        if (updated.projectId() == null) {
            throw CloudError.badRequest("Invalid input for field 'project_id': an ec2 credential needs the id of the "
                    + "project its keys act on.");
        }
        if (Credential.EC2.equals(old.type())) {
            Ec2Blobs.requireSameDelegation(parser.object(old.blob()).orElse(Map.of()), fields);
        }
    }

    private static void requireOwnerAndProject(IdentitySnapshot s, Credential c) {
        if (s.user(c.userId()).isEmpty()) {
            throw CloudError.notFound("UserNotFound", "Could not find user: %s.", c.userId());
        }
        if (c.projectId() != null && s.project(c.projectId()).isEmpty()) {
            throw CloudError.notFound("ProjectNotFound", "Could not find project: %s.", c.projectId());
        }
    }

    private static String type(String type) {
        if (type == null) {
            throw CloudError.badRequest("'type' is a required property.");
        }
        if (type.isBlank() || type.length() > MAX_TYPE_LENGTH) {
            throw CloudError.badRequest("Invalid input for field 'type': it must be 1 to %d characters, such as ec2, "
                    + "cert or totp.", MAX_TYPE_LENGTH);
        }
        return type;
    }

    private StoredCredential seal(Credential c) {
        return new StoredCredential(c.id(), c.userId(), c.projectId(), c.type(), cipher.seal(c.id(), c.blob()),
                cipher.keyHash(), c.extra());
    }

    private Credential open(StoredCredential s) {
        return new Credential(s.id(), s.userId(), s.projectId(), s.type(),
                cipher.open(s.id(), s.keyHash(), s.encryptedBlob()), s.extra());
    }
}
