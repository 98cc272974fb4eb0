package dev.kumo.api.identity;

import dev.kumo.api.http.ApiModule;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.FaultRenderer;
import dev.kumo.api.http.KeystoneFaults;
import io.javalin.config.RoutesConfig;
import java.util.Objects;

/** Keystone v3, mounted at {@code /identity}. */
public final class IdentityApi implements ApiModule {
    public static final String PREFIX = "/identity";
    static final String V3 = PREFIX + "/v3";

    private final IdentityServices services;
    private final Callers callers;
    private final KeystoneFaults faults = new KeystoneFaults();

    public IdentityApi(IdentityServices services, Callers callers) {
        this.services = Objects.requireNonNull(services, "services");
        this.callers = Objects.requireNonNull(callers, "callers");
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public FaultRenderer faults() {
        return faults;
    }

    @Override
    public void routes(RoutesConfig routes) {
        new VersionHandler().register(routes);
        new AuthHandler(services, callers).register(routes);
        new DomainsHandler(services, callers).register(routes);
        new ProjectsHandler(services, callers).register(routes);
        new ProjectTagsHandler(services, callers).register(routes);
        new UsersHandler(services, callers).register(routes);
        new GroupsHandler(services, callers).register(routes);
        new RegionsHandler(services, callers).register(routes);
        new ServicesHandler(services, callers).register(routes);
        new EndpointsHandler(services, callers).register(routes);
        new ApplicationCredentialsHandler(services, callers).register(routes);
        new RolesHandler(services, callers).register(routes);
        new ImpliedRolesHandler(services, callers).register(routes);
        new GrantsHandler(services, callers).register(routes);
        new RoleAssignmentsHandler(services, callers).register(routes);
        new TrustsHandler(services, callers).register(routes);
        new CredentialsHandler(services, callers).register(routes);
        new Ec2CredentialsHandler(services, callers).register(routes);
        new PoliciesHandler(services, callers).register(routes);
        new EndpointGroupsHandler(services, callers).register(routes);
        new DomainConfigHandler(services, callers).register(routes);
    }
}
