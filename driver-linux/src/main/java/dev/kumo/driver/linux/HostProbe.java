package dev.kumo.driver.linux;

import dev.kumo.spi.network.OperationalStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Whether this host can run the Linux data path: root, and the tools it calls. */
final class HostProbe {
    /** busybox (arping for gratuitous ARP) is optional: without it neighbours learn a moved floating IP later. */
    static final List<String> TOOLS = List.of("ip", "nft", "dnsmasq", "haproxy");
    private static final List<String> BIN_DIRS = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private HostProbe() {}

    static OperationalStatus probe() {
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("root privileges (it creates namespaces, links and nftables rules)");
        }
        for (String tool : TOOLS) {
            if (find(tool) == null) {
                missing.add("`" + tool + "`" + (tool.equals("nft") ? " (apt-get install nftables)"
                        : tool.equals("dnsmasq") ? " (apt-get install dnsmasq-base)"
                        : tool.equals("ip") ? " (apt-get install iproute2)" : " (apt-get install haproxy)"));
            }
        }
        return missing.isEmpty() ? OperationalStatus.ok("bridges, namespaces, dnsmasq, haproxy and nftables ready")
                : OperationalStatus.notOperational("the Linux network driver needs " + String.join(", ", missing));
    }

    static Path find(String tool) {
        List<String> dirs = new ArrayList<>(BIN_DIRS);
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        for (String dir : dirs) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }
}
