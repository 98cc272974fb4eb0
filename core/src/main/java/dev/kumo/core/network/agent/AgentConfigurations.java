package dev.kumo.core.network.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code configurations} each agent reports, with the keys Neutron's reference agents use, limited to
 * what is true of kumo's host (no counts it would have to compute on every list).
 */
final class AgentConfigurations {
    private AgentConfigurations() {}

    static Map<String, Object> of(AgentKind kind, AgentHost host, String tenantNetworkType) {
        var out = new LinkedHashMap<String, Object>();
        switch (kind) {
            case LINUX_BRIDGE -> {
                out.put("bridge_mappings", host.bridgeMappings());
                out.put("interface_mappings", Map.of());
                out.put("tunnel_types", "vxlan".equals(tenantNetworkType) ? List.of("vxlan") : List.of());
                out.put("l2_population", false);
                out.put("extensions", List.of());
            }
            case DHCP -> {
                out.put("dhcp_driver", "neutron.agent.linux.dhcp.Dnsmasq");
                out.put("notifies_port_ready", true);
            }
            case L3 -> out.put("agent_mode", "legacy");
            case METADATA -> { }
        }
        return out;
    }
}
