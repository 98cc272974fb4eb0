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
    /** A command a test runs and the Debian package that has it. */
    private record Tool(String command, String debianPackage) {}

    private static final List<Tool> TOOLS = List.of(
            new Tool("qemu-system-x86_64", "qemu-system-x86"),
            new Tool("qemu-img", "qemu-utils"),
            new Tool("ip", "iproute2"),
            new Tool("dnsmasq", "dnsmasq-base"),
            new Tool("python3", "python3"),
            new Tool("ssh", "openssh-client"),
            new Tool("ssh-keygen", "openssh-client"),
            new Tool("genisoimage", "genisoimage"),
            new Tool("syslinux", "syslinux"),
            new Tool("mcopy", "mtools"),
            new Tool("mkfs.vfat", "dosfstools"),
            new Tool("sfdisk", "fdisk"),
            new Tool("cpio", "cpio"),
            new Tool("depmod", "kmod"));

    private HostRequirements() {}

    static void assertUsable() {
        List<String> problems = new ArrayList<>();
        String uid = HostCommand.run(Duration.ofSeconds(5), "id", "-u").output().strip();
        if (!uid.equals("0")) {
            problems.add("the data-path tests create network namespaces and taps: run them as root (uid is " + uid + ")");
        }
        List<String> missing = new ArrayList<>();
        for (Tool tool : TOOLS) {
            if (!onPath(tool.command()) && !missing.contains(tool.debianPackage())) {
                missing.add(tool.debianPackage());
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
