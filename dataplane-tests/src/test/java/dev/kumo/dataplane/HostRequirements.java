package dev.kumo.dataplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a data-path test needs from the host. Missing pieces fail the test with the list of what to
 * install: a data-path test that skips itself would let CI pass without ever booting a guest.
 */
final class HostRequirements {
    /** Command, Debian package. */
    private static final List<String[]> TOOLS = List.of(
            new String[] {"qemu-system-x86_64", "qemu-system-x86"},
            new String[] {"qemu-img", "qemu-utils"},
            new String[] {"ip", "iproute2"},
            new String[] {"dnsmasq", "dnsmasq-base"},
            new String[] {"python3", "python3"},
            new String[] {"ssh", "openssh-client"},
            new String[] {"ssh-keygen", "openssh-client"},
            new String[] {"genisoimage", "genisoimage"},
            new String[] {"syslinux", "syslinux"},
            new String[] {"mcopy", "mtools"},
            new String[] {"mkfs.vfat", "dosfstools"},
            new String[] {"sfdisk", "fdisk"},
            new String[] {"cpio", "cpio"},
            new String[] {"depmod", "kmod"});

    private HostRequirements() {}

    static void assertUsable() {
        List<String> problems = new ArrayList<>();
        String uid = HostCommand.run(Duration.ofSeconds(5), "id", "-u").output().strip();
        if (!uid.equals("0")) {
            problems.add("the data-path tests create network namespaces and taps: run them as root (uid is " + uid + ")");
        }
        List<String> missing = new ArrayList<>();
        for (String[] tool : TOOLS) {
            if (!onPath(tool[0]) && !missing.contains(tool[1])) {
                missing.add(tool[1]);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing commands; install: apt-get install " + String.join(" ", missing));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Data-path tests cannot run on this host: " + String.join("; ", problems));
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
