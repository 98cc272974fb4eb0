package dev.kumo.core.identity.role;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Role;
import java.util.Set;

/** Which implied-role rules may be created, as Keystone decides, plus a guard against cycles. */
final class ImpliedRoleRules {
    /** Keystone's {@code [assignment] prohibited_implied_role} default: nobody becomes admin by implication. */
    static final Set<String> PROHIBITED_IMPLIED = Set.of("admin");

    private ImpliedRoleRules() {}

    static void requireAllowed(IdentitySnapshot s, Role prior, Role implied) {
        if (PROHIBITED_IMPLIED.contains(implied.name())) {
            throw invalid(implied, "the role '" + implied.name() + "' may not be implied by another role");
        }
        if (prior.domainId() == null && implied.domainId() != null) {
            throw invalid(implied, "a global role cannot imply a domain-specific role");
        }
        if (prior.id().equals(implied.id())) {
            throw invalid(implied, "a role cannot imply itself");
        }
        // Keystone does not check this, but a cycle makes every role in it imply all the others, which is
        // never what an operator meant; refuse it rather than let a token silently gain roles
        if (s.expandImplied(Set.of(implied.id())).contains(prior.id())) {
            throw invalid(implied, "it already implies " + prior.id() + " (directly or through other roles), "
                    + "so the rule would make a cycle");
        }
        if (s.implications().contains(new ImpliedRole(prior.id(), implied.id()))) {
            throw CloudError.conflict("Conflict", "Conflict occurred attempting to store implied_role - Duplicate "
                    + "entry: %s already implies %s.", prior.id(), implied.id());
        }
    }

    private static RuntimeException invalid(Role implied, String why) {
        return CloudError.forbidden("%s cannot be an implied roles: %s.", implied.id(), why);
    }
}
