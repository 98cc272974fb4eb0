package dev.kumo.bench;

import dev.kumo.driver.linux.LinuxNetworkDriver;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import dev.kumo.spi.network.SecurityRuleSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Security groups at the size: 50 groups of 20 rules (1,000 rules) over 50 ports, one group per port; the
 * whole ruleset applied (groups, then the ports plugged one by one, each re-applying the table) and then one rule
 * added to one group. Checked by counting the accept rules in the driver's table.
 */
final class RulesetFigure {
    static final int PORTS = 50;
    static final int RULES_PER_GROUP = 20;

    private final DataPathLab lab;
    private final NetworkSpec network;
    private final List<PortSpec> ports = new ArrayList<>();
    private final List<SecurityGroupSpec> groups = new ArrayList<>();

    /** What it measured: the whole ruleset over all ports, and one rule change. */
    record Result(Duration whole, Duration oneRule, long acceptRules) {}

    RulesetFigure(DataPathLab lab) {
        this.lab = lab;
        this.network = DataPathSpecs.tenantNetwork(lab.id + "-rnet-000", "10.211.0.0/24");
    }

    Result run() {
        LinuxNetworkDriver driver = lab.driver();
        driver.ensureNetwork(network);
        for (int g = 0; g < PORTS; g++) {
            groups.add(new SecurityGroupSpec(lab.id + "-rg" + g, true, rules(g, List.of())));
            ports.add(DataPathSpecs.computePort(lab.id + "-r" + String.format("%02d", g) + "p-00", network,
                    DataPathSpecs.mac(300, g), "10.211.0." + (10 + g), lab.id + "-rg" + g));
        }
        long started = System.nanoTime();
        groups.forEach(driver::ensureSecurityGroup);
        ports.forEach(driver::ensurePort);
        Duration whole = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        driver.ensureSecurityGroup(new SecurityGroupSpec(groups.getFirst().groupId(), true,
                rules(0, List.of(DataPathSpecs.tcpIn("added", 9999, "192.168.0.0/16")))));
        Duration oneRule = Duration.ofNanos(System.nanoTime() - started);
        String table = lab.shell.run("nft", "list", "table", "inet", "kumo-sg-" + lab.id).orThrow("list the rules").output();
        long accepts = table.lines().filter(l -> l.contains("accept")).count();
        if (accepts < (long) PORTS * RULES_PER_GROUP || !table.contains("9999")) {
            throw new IllegalStateException("the driver's table holds " + accepts + " accept rules, or lacks the added one");
        }
        return new Result(whole, oneRule, accepts);
    }

    private static List<SecurityRuleSpec> rules(int group, List<SecurityRuleSpec> extra) {
        List<SecurityRuleSpec> rules = new ArrayList<>();
        for (int r = 0; r < RULES_PER_GROUP - 1; r++) {
            rules.add(DataPathSpecs.tcpIn("r" + r, 1000 + r, "10." + group + ".0.0/16"));
        }
        rules.add(DataPathSpecs.allOut("out"));
        rules.addAll(extra);
        return rules;
    }

    void delete() {
        LinuxNetworkDriver driver = lab.driver();
        driver.deleteNetwork(network.networkId());
        groups.forEach(g -> driver.deleteSecurityGroup(g.groupId()));
    }
}
