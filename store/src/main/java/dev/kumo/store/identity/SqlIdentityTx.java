package dev.kumo.store.identity;

import dev.kumo.core.identity.store.ApplicationCredentialRepository;
import dev.kumo.core.identity.store.AssignmentRepository;
import dev.kumo.core.identity.store.CatalogRepository;
import dev.kumo.core.identity.store.CredentialRepository;
import dev.kumo.core.identity.store.DomainConfigRepository;
import dev.kumo.core.identity.store.DomainRepository;
import dev.kumo.core.identity.store.EndpointGroupRepository;
import dev.kumo.core.identity.store.GroupRepository;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.store.PolicyRepository;
import dev.kumo.core.identity.store.ProjectRepository;
import dev.kumo.core.identity.store.RevocationRepository;
import dev.kumo.core.identity.store.RoleRepository;
import dev.kumo.core.identity.store.SecretRepository;
import dev.kumo.core.identity.store.TrustRepository;
import dev.kumo.core.identity.store.UserRepository;
import org.jdbi.v3.core.Handle;

/** The repositories over one handle, whose transaction {@link SqlIdentityStore} opened and will end. */
final class SqlIdentityTx implements IdentityTx {
    private final Handle handle;

    SqlIdentityTx(Handle handle) {
        this.handle = handle;
    }

    // A repository holds nothing but the handle, so one is made per call rather than kept.

    @Override
    public DomainRepository domains() {
        return new SqlDomainRepository(handle);
    }

    @Override
    public ProjectRepository projects() {
        return new SqlProjectRepository(handle);
    }

    @Override
    public UserRepository users() {
        return new SqlUserRepository(handle);
    }

    @Override
    public GroupRepository groups() {
        return new SqlGroupRepository(handle);
    }

    @Override
    public RoleRepository roles() {
        return new SqlRoleRepository(handle);
    }

    @Override
    public AssignmentRepository assignments() {
        return new SqlAssignmentRepository(handle);
    }

    @Override
    public CatalogRepository catalog() {
        return new SqlCatalogRepository(handle);
    }

    @Override
    public ApplicationCredentialRepository applicationCredentials() {
        return new SqlApplicationCredentialRepository(handle);
    }

    @Override
    public RevocationRepository revocations() {
        return new SqlRevocationRepository(handle);
    }

    @Override
    public SecretRepository secrets() {
        return new SqlSecretRepository(handle);
    }

    @Override
    public CredentialRepository credentials() {
        return new SqlCredentialRepository(handle);
    }

    @Override
    public PolicyRepository policies() {
        return new SqlPolicyRepository(handle);
    }

    @Override
    public EndpointGroupRepository endpointGroups() {
        return new SqlEndpointGroupRepository(handle);
    }

    @Override
    public DomainConfigRepository domainConfigs() {
        return new SqlDomainConfigRepository(handle);
    }

    @Override
    public TrustRepository trusts() {
        return new SqlTrustRepository(handle);
    }
}
