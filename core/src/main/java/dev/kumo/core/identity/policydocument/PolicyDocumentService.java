package dev.kumo.core.identity.policydocument;

import dev.kumo.core.identity.Extras;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * {@code /v3/policies}: admins write, readers read (Keystone's defaults). Documents are read from the store
 * directly, not from the identity snapshot: they can be large.
 */
public final class PolicyDocumentService {
    private static final int MAX_TYPE_LENGTH = 255;

    private final IdentityState state;

    public PolicyDocumentService(IdentityState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    public PolicyDocument create(Token caller, PolicyDocumentChanges in) {
        Policy.requireAdmin(caller, "identity:create_policy");
        if (in.blob() == null) {
            throw CloudError.badRequest("'blob' is a required property.");
        }
        var policy = new PolicyDocument(Ids.newId(), type(in.type()), in.blob(), Extras.initial(in.extra()));
        return state.store().write(tx -> {
            tx.policies().insert(policy);
            return policy;
        });
    }

    /** Every policy, or those of {@code type} when it is given. */
    public List<PolicyDocument> list(Token caller, String type) {
        Policy.requireReader(caller, "identity:list_policies");
        return state.store().read(tx -> tx.policies().list(type));
    }

    public PolicyDocument get(Token caller, String id) {
        Policy.requireReader(caller, "identity:get_policy");
        return state.store().read(tx -> tx.policies().get(id)).orElseThrow(() -> notFound(id));
    }

    public PolicyDocument update(Token caller, String id, PolicyDocumentChanges in) {
        Policy.requireAdmin(caller, "identity:update_policy");
        return state.store().write(tx -> {
            PolicyDocument old = tx.policies().get(id).orElseThrow(() -> notFound(id));
            var updated = new PolicyDocument(id, in.type() == null ? old.type() : type(in.type()),
                    in.blob() == null ? old.blob() : in.blob(), Extras.merge(old.extra(), in.extra()));
            tx.policies().update(updated);
            return updated;
        });
    }

    public void delete(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_policy");
        state.store().write(tx -> {
            if (!tx.policies().delete(id)) {
                throw notFound(id);
            }
            return null;
        });
    }

    private static String type(String type) {
        if (type == null) {
            throw CloudError.badRequest("'type' is a required property.");
        }
        if (type.length() > MAX_TYPE_LENGTH) {
            throw CloudError.badRequest("Invalid input for field 'type': '%s...' is longer than %d characters.",
                    type.substring(0, 32), MAX_TYPE_LENGTH);
        }
        return type;
    }

    private static CloudException notFound(String id) {
        return CloudError.notFound("PolicyNotFound", "Could not find policy: %s.", id);
    }
}
