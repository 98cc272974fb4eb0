package dev.kumo.store.network;

import dev.kumo.core.network.store.AgentRepository;
import dev.kumo.core.network.store.AllocationRepository;
import dev.kumo.core.network.store.FloatingIpRepository;
import dev.kumo.core.network.store.IpAvailabilityRepository;
import dev.kumo.core.network.store.NetworkRepository;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.store.PortForwardingRepository;
import dev.kumo.core.network.store.PortRepository;
import dev.kumo.core.network.store.QuotaRepository;
import dev.kumo.core.network.store.RouterRepository;
import dev.kumo.core.network.store.SecurityGroupRepository;
import dev.kumo.core.network.store.SubnetPoolRepository;
import dev.kumo.core.network.store.SubnetRepository;
import dev.kumo.store.Dialect;
import org.jdbi.v3.core.Handle;

/** The repositories over one handle, whose transaction {@link SqlNetworkStore} opened and will end. */
final class SqlNetworkTx implements NetworkTx {
    private final Handle handle;
    private final Dialect dialect;

    SqlNetworkTx(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    // A repository holds nothing but the handle, so one is made per call rather than kept.

    @Override
    public NetworkRepository networks() {
        return new SqlNetworkRepository(handle, dialect);
    }

    @Override
    public SubnetRepository subnets() {
        return new SqlSubnetRepository(handle, dialect);
    }

    @Override
    public SubnetPoolRepository subnetPools() {
        return new SqlSubnetPoolRepository(handle, dialect);
    }

    @Override
    public PortRepository ports() {
        return new SqlPortRepository(handle, dialect);
    }

    @Override
    public AllocationRepository allocations() {
        return new SqlAllocationRepository(handle, dialect);
    }

    @Override
    public QuotaRepository quotas() {
        return new SqlQuotaRepository(handle);
    }

    @Override
    public RouterRepository routers() {
        return new SqlRouterRepository(handle, dialect);
    }

    @Override
    public FloatingIpRepository floatingIps() {
        return new SqlFloatingIpRepository(handle, dialect);
    }

    @Override
    public PortForwardingRepository portForwardings() {
        return new SqlPortForwardingRepository(handle);
    }

    @Override
    public SecurityGroupRepository securityGroups() {
        return new SqlSecurityGroupRepository(handle, dialect);
    }

    @Override
    public AgentRepository agents() {
        return new SqlAgentRepository(handle);
    }

    @Override
    public IpAvailabilityRepository ipAvailability() {
        return new SqlIpAvailabilityRepository(handle);
    }
}
