package dev.kumo.core.identity.store;

/** The repositories, all bound to one transaction. */
public interface IdentityTx {
    DomainRepository domains();

    ProjectRepository projects();

    UserRepository users();

    GroupRepository groups();

    RoleRepository roles();

    AssignmentRepository assignments();

    CatalogRepository catalog();

    ApplicationCredentialRepository applicationCredentials();

    RevocationRepository revocations();

    SecretRepository secrets();

    CredentialRepository credentials();

    PolicyRepository policies();

    EndpointGroupRepository endpointGroups();

    DomainConfigRepository domainConfigs();

    TrustRepository trusts();
}
