package dev.kumo.core.network.store;

/** The repositories, all bound to one transaction. */
public interface NetworkTx {
    NetworkRepository networks();

    SubnetRepository subnets();

    SubnetPoolRepository subnetPools();

    PortRepository ports();

    AllocationRepository allocations();

    QuotaRepository quotas();

    RouterRepository routers();

    FloatingIpRepository floatingIps();

    PortForwardingRepository portForwardings();

    SecurityGroupRepository securityGroups();

    AgentRepository agents();

    IpAvailabilityRepository ipAvailability();
}
