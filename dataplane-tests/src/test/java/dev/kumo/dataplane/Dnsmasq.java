package dev.kumo.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * dnsmasq as Neutron runs it for a subnet: static leases only, the MTU (option 26) and classless
 * static routes (option 121) to the metadata address and the default gateway, files in a
 * directory of its own, and stopped by the pid it wrote.
 */
final class Dnsmasq implements AutoCloseable {
    private final Path pidFile;

    private Dnsmasq(Path pidFile) {
        this.pidFile = Objects.requireNonNull(pidFile, "pidFile");
    }

    static Dnsmasq start(LabNetwork lab, String iface, List<DhcpHost> hosts) {
        Path d = lab.dir().resolve("dnsmasq");
        try {
            Files.createDirectories(d);
            Files.writeString(d.resolve("hosts"), hosts.stream().map(DhcpHost::hostsFileLine).collect(Collectors.joining("\n", "", "\n")));
            Files.writeString(d.resolve("opts"), String.join("\n",
                    "tag:subnet,option:dns-server," + LabNetwork.GATEWAY,
                    "tag:subnet,option:router," + LabNetwork.GATEWAY,
                    "tag:subnet,option:classless-static-route," + LabNetwork.METADATA_ADDRESS + "/32," + LabNetwork.GATEWAY
                            + ",0.0.0.0/0," + LabNetwork.GATEWAY) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Dnsmasq dnsmasq = new Dnsmasq(d.resolve("pid"));
        HostCommand.run(Duration.ofSeconds(10), lab.inNamespace(List.of("dnsmasq",
                "--no-hosts", "--no-resolv", "--conf-file=/dev/null", "--pid-file=" + dnsmasq.pidFile,
                "--dhcp-hostsfile=" + d.resolve("hosts"), "--dhcp-optsfile=" + d.resolve("opts"),
                "--dhcp-leasefile=" + d.resolve("leases"), "--bind-interfaces", "--interface=" + iface,
                "--dhcp-range=set:subnet,10.0.0.0,static,255.255.255.0,86400s",
                "--dhcp-option-force=option:mtu," + LabNetwork.MTU, "--domain=openstacklocal",
                "--user=root", "--group=root", "--log-facility=" + d.resolve("dnsmasq.log"), "--log-dhcp"))).orThrow();
        return dnsmasq;
    }

    @Override
    public void close() throws IOException {
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Override
    public String toString() {
        return "dnsmasq (" + pidFile + ")";
    }
}
