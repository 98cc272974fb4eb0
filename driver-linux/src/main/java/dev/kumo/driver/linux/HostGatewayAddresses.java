package dev.kumo.driver.linux;

import dev.kumo.spi.network.SubnetSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The host's own addresses on the mapped bridges, as DevStack gives br-ex 172.24.4.1: each IPv4 subnet of a flat
 * network on a mapped bridge puts its gateway address on the bridge (unless the range is the host's own LAN on
 * another interface), so the host itself (and tempest on it)
 * reaches the floating IPs behind it, and routers' default routes lead somewhere. Only what kumo added is ever
 * removed (recorded per network under {@code <state>/network/host-addresses/}), never an address an operator
 * gave the bridge. A guard table keeps the host from forwarding between these bridges and anything else, so
 * guest traffic never leaves the machine through the host even where {@code ip_forward} is on.
 */
final class HostGatewayAddresses {
    private final HostCommands host;
    private final Path dir;
    private final String guardTable;

    /** {@code guardTable}: the root namespace's inet table of the forwarding guard ({@code <filter table>-guard}). */
    HostGatewayAddresses(HostCommands host, Path networkDir, String guardTable) {
        this.host = host;
        this.dir = networkDir.resolve("host-addresses");
        this.guardTable = guardTable;
    }

    static String guardTableOf(String filterTable) {
        return filterTable + "-guard";
    }

    /** Makes the network's gateway addresses on {@code bridge} exactly those of {@code subnets}. */
    void ensure(String networkId, String bridge, List<SubnetSpec> subnets) {
        Set<String> wanted = new LinkedHashSet<>();
        for (SubnetSpec s : subnets) {
            Ipv4Cidr range = s.ipVersion() == 4 ? Ipv4Cidr.parse(s.cidr()) : null;
            if (range != null && s.gatewayIp() != null && range.contains(s.gatewayIp())
                    && !usedElsewhere(bridge, range)) {
                wanted.add(s.gatewayIp() + "/" + range.prefixLength());
            }
        }
        List<String> recorded = recorded(networkId);
        for (String line : recorded) {
            String[] parts = line.split(" ");
            if (!parts[0].equals(bridge) || !wanted.contains(parts[1])) {
                host.run("ip", "addr", "del", parts[1], "dev", parts[0]);
            }
        }
        List<String> now = new ArrayList<>();
        for (String cidr : wanted) {
            CommandResult added = host.run("ip", "addr", "add", cidr, "dev", bridge);
            if (added.exitCode() != 0 && !added.output().contains("File exists") && !added.output().contains("already assigned")) {
                added.orThrow("give the host " + cidr + " on " + bridge);
            }
            now.add(bridge + " " + cidr);
        }
        record(networkId, now);
    }

    /**
     * Whether another interface of the host has an address in {@code range} or a range holding it: the host's own
     * LAN. kumo then gives the bridge no address there, so the host's routes and its gateway stay as they are.
     */
    private boolean usedElsewhere(String bridge, Ipv4Cidr range) {
        for (String line : host.run("ip", "-o", "-4", "addr", "show").output().split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 4 || words[1].equals(bridge) || !words[2].equals("inet")) {
                continue;
            }
            Ipv4Cidr other = Ipv4Cidr.parse(words[3]);
            String address = words[3].substring(0, words[3].indexOf('/'));
            if (range.contains(address) || other.contains(Ipv4Cidr.toAddress(range.network()))) {
                return true;
            }
        }
        return false;
    }

    /** Removes the addresses kumo gave the host for the network. */
    void remove(String networkId) {
        for (String line : recorded(networkId)) {
            String[] parts = line.split(" ");
            host.run("ip", "addr", "del", parts[1], "dev", parts[0]);
        }
        record(networkId, List.of());
    }

    /** Drops forwarded traffic between the mapped bridges and every other interface of the host. */
    void guard(Collection<String> bridges) {
        if (bridges.isEmpty()) {
            return;
        }
        String set = "{ " + String.join(", ", bridges.stream().map(b -> "\"" + b + "\"").toList()) + " }";
        String text = SecurityGroupRuleset.removal(guardTable, "inet")
                + "table inet " + guardTable + " {\n"
                + "  chain forward {\n"
                + "    type filter hook forward priority filter - 10; policy accept;\n"
                + "    iifname " + set + " oifname != " + set + " counter drop\n"
                + "    oifname " + set + " iifname != " + set + " counter drop\n"
                + "  }\n}\n";
        host.run(List.of("nft", "-f", "-"), text).orThrow("guard the host's forwarding from " + bridges);
    }

    /** Removes the guard table (when the host no longer carries any of kumo's networks). */
    void unguard() {
        host.run(List.of("nft", "-f", "-"), SecurityGroupRuleset.removal(guardTable, "inet"))
                .orThrow("remove the forwarding guard");
    }

    private List<String> recorded(String networkId) {
        Path file = dir.resolve(networkId);
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void record(String networkId, List<String> lines) {
        Path file = dir.resolve(networkId);
        try {
            if (lines.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(dir);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
