package dev.kumo.driver.linux;

import dev.kumo.spi.network.PortAddress;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The groups this driver knows and the host's filter ruleset made from them and the ports. Every change
 * regenerates the whole ruleset and applies it in one {@code nft -f -} transaction (about 1 s for 2,000 ports);
 * an unchanged ruleset is not applied again unless its tables have gone.
 */
final class SecurityGroupFilters {
    private final HostCommands host;
    private final String table;
    private final Map<String, SecurityGroupSpec> groups = new ConcurrentHashMap<>();
    private String applied = "";

    SecurityGroupFilters(HostCommands host, String table) {
        this.host = host;
        this.table = table;
    }

    void put(SecurityGroupSpec group) {
        groups.put(group.groupId(), group);
    }

    boolean remove(String groupId) {
        return groups.remove(groupId) != null;
    }

    /**
     * Applies the ruleset for {@code filtered} (the ports to filter), with remote-group members taken from
     * {@code all} (every port the driver knows).
     */
    synchronized void apply(Collection<PortSpec> filtered, Collection<PortSpec> all, Map<String, Integer> zones) {
        if (filtered.isEmpty()) {
            clear();
            return;
        }
        List<PortSpec> ordered = new ArrayList<>(filtered);
        ordered.sort(Comparator.comparing(PortSpec::portId));
        String text = new SecurityGroupRuleset(table, Map.copyOf(zones), ordered, Map.copyOf(groups), members(all)).text();
        if (text.equals(applied) && tablesPresent()) {
            return;
        }
        host.run(List.of("nft", "-f", "-"), text).orThrow("apply the security group rules");
        applied = text;
    }

    /** Removes both tables (when the driver has nothing left to filter). */
    synchronized void clear() {
        if (applied.equals("cleared")) {
            return;
        }
        host.run(List.of("nft", "-f", "-"), SecurityGroupRuleset.removal(table, "bridge")
                + SecurityGroupRuleset.removal(table, "inet")).orThrow("remove the security group rules");
        applied = "cleared";
    }

    private boolean tablesPresent() {
        List<String> tables = List.of(host.run("nft", "list", "tables").output().split("\n"));
        return tables.contains("table bridge " + table) && tables.contains("table inet " + table);
    }

    static Map<String, Set<String>> members(Collection<PortSpec> ports) {
        Map<String, Set<String>> members = new HashMap<>();
        for (PortSpec port : ports) {
            for (String group : port.securityGroupIds()) {
                Set<String> ips = members.computeIfAbsent(group, g -> new TreeSet<>());
                port.addresses().stream().map(PortAddress::ipAddress).filter(Ipv4Cidr::isIpv4).forEach(ips::add);
            }
        }
        return members;
    }
}
