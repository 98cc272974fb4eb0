package dev.kumo.api.network;

import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.agent.AgentService;
import dev.kumo.core.network.floatingip.FloatingIpService;
import dev.kumo.core.network.floatingip.PortForwardingService;
import dev.kumo.core.network.ipavailability.IpAvailabilityService;
import dev.kumo.core.network.network.NetworkService;
import dev.kumo.core.network.port.PortService;
import dev.kumo.core.network.quota.QuotaService;
import dev.kumo.core.network.router.RouterInterfaceService;
import dev.kumo.core.network.router.RouterService;
import dev.kumo.core.network.securitygroup.SecurityGroupRuleService;
import dev.kumo.core.network.securitygroup.SecurityGroupService;
import dev.kumo.core.network.subnet.SubnetService;
import dev.kumo.core.network.subnetpool.SubnetPoolService;
import dev.kumo.core.network.tag.TagService;
import java.util.Objects;

/** The network service's parts the handlers call. */
public record NetworkServices(NetworkSettings settings, NetworkService networks, SubnetService subnets,
                              SubnetPoolService subnetPools,
                              PortService ports, QuotaService quotas, TagService tags,
                              RouterService routers, RouterInterfaceService routerInterfaces,
                              FloatingIpService floatingIps, PortForwardingService portForwardings,
                              SecurityGroupService securityGroups,
                              SecurityGroupRuleService securityGroupRules, AgentService agents,
                              IpAvailabilityService ipAvailability) {
    public NetworkServices {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(subnets, "subnets");
        Objects.requireNonNull(subnetPools, "subnetPools");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(routers, "routers");
        Objects.requireNonNull(routerInterfaces, "routerInterfaces");
        Objects.requireNonNull(floatingIps, "floatingIps");
        Objects.requireNonNull(portForwardings, "portForwardings");
        Objects.requireNonNull(securityGroups, "securityGroups");
        Objects.requireNonNull(securityGroupRules, "securityGroupRules");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(ipAvailability, "ipAvailability");
    }
}
