package dev.kumo.api.identity;

import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.appcred.ApplicationCredentialService;
import dev.kumo.core.identity.assignment.AssignmentService;
import dev.kumo.core.identity.catalog.CatalogService;
import dev.kumo.core.identity.credential.CredentialService;
import dev.kumo.core.identity.credential.Ec2CredentialService;
import dev.kumo.core.identity.domain.DomainService;
import dev.kumo.core.identity.domainconfig.DomainConfigService;
import dev.kumo.core.identity.endpointfilter.EndpointGroupService;
import dev.kumo.core.identity.group.GroupService;
import dev.kumo.core.identity.policydocument.PolicyDocumentService;
import dev.kumo.core.identity.project.ProjectService;
import dev.kumo.core.identity.role.RoleService;
import dev.kumo.core.identity.token.TokenService;
import dev.kumo.core.identity.trust.TrustService;
import dev.kumo.core.identity.user.UserService;
import java.util.Objects;

/** The core services the identity API calls. */
public record IdentityServices(IdentityState state, TokenService tokens, DomainService domains,
                               ProjectService projects, UserService users, GroupService groups,
                               CatalogService catalog, ApplicationCredentialService applicationCredentials,
                               RoleService roles, AssignmentService assignments,
                               CredentialService credentials, Ec2CredentialService ec2Credentials,
                               PolicyDocumentService policies, EndpointGroupService endpointGroups,
                               DomainConfigService domainConfigs, TrustService trusts) {
    public IdentityServices {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(domains, "domains");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(applicationCredentials, "applicationCredentials");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(assignments, "assignments");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(ec2Credentials, "ec2Credentials");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(endpointGroups, "endpointGroups");
        Objects.requireNonNull(domainConfigs, "domainConfigs");
        Objects.requireNonNull(trusts, "trusts");
    }
}
