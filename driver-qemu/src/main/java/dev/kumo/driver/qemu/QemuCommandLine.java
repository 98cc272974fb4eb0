package dev.kumo.driver.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code qemu-system-x86_64} command line for one launch. The process daemonizes (so it outlives kumo),
 * writes its pid file, answers QMP on the instance's socket and serves the serial console on a socket of its own,
 * logging it to a file.
 */
final class QemuCommandLine {
    static final String BINARY = "qemu-system-x86_64";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private QemuCommandLine() {}

    /** The command that boots {@code launch}; with {@code incoming} it restores memory saved by suspend. */
    static List<String> of(QemuLaunch launch, InstanceFiles files, Path incoming) {
        List<String> c = new ArrayList<>(List.of(BINARY, "-name", "kumo-" + launch.instanceId(), "-nodefaults",
                "-machine", launch.machine(), "-accel", accelerator(launch), "-smp", Integer.toString(launch.vcpus()),
                "-m", Long.toString(launch.memoryMb())));
        if (launch.accelerator().equals("kvm")) {
            c.addAll(List.of("-cpu", "host"));
        }
        if (UUID.matcher(launch.instanceId()).matches()) {
            // the guest's system UUID is the instance id, and the product says OpenStack, as Nova does
            c.addAll(List.of("-uuid", launch.instanceId()));
        }
        c.addAll(List.of("-smbios", "type=1,manufacturer=kumo,product=OpenStack Nova"));
        c.addAll(List.of("-drive", "file=" + launch.disk() + ",if=virtio,format=qcow2,cache=writeback"));
        if (launch.kernel() != null) {
            c.addAll(List.of("-kernel", launch.kernel()));
            if (launch.initrd() != null) {
                c.addAll(List.of("-initrd", launch.initrd()));
            }
            c.addAll(List.of("-append", launch.kernelArgs() == null ? "root=/dev/vda console=ttyS0" : launch.kernelArgs()));
        }
        if (launch.configDrive() != null) {
            // an IDE cdrom, as Nova attaches it on the pc machine; every Linux cloud kernel has ata_piix
            c.addAll(List.of("-drive", "file=" + launch.configDrive() + ",if=ide,media=cdrom,format=raw,readonly=on"));
        }
        for (QemuLaunch.Nic nic : launch.nics()) {
            // ids named after the tap, so that hot-unplug finds a NIC of the command line as well as a hot-plugged one
            c.addAll(List.of("-netdev", "tap,id=" + netdevId(nic.tap()) + ",ifname=" + nic.tap() + ",script=no,downscript=no",
                    "-device", "virtio-net-pci,id=" + deviceId(nic.tap()) + ",netdev=" + netdevId(nic.tap()) + ",mac=" + nic.mac()));
        }
        // the serial port is a socket for the interactive console, and QEMU logs everything it carries to the
        // console log whether or not a client is connected
        c.addAll(List.of("-chardev", "socket,id=console0,path=" + files.serialSocket() + ",server=on,wait=off,logfile="
                        + files.consoleLog() + ",logappend=on",
                "-serial", "chardev:console0", "-display", "none",
                "-qmp", "unix:" + files.qmpSocket() + ",server=on,wait=off",
                "-pidfile", files.pidFile().toString(), "-daemonize"));
        if (incoming != null) {
            c.addAll(List.of("-incoming", "exec:cat " + incoming));
        }
        return c;
    }

    /** The QEMU id of the tap backend of the NIC on {@code tap}. */
    static String netdevId(String tap) {
        return "net-" + tap;
    }

    /** The QEMU id of the guest's virtio-net device on {@code tap}. */
    static String deviceId(String tap) {
        return "nic-" + tap;
    }

    private static String accelerator(QemuLaunch launch) {
        if (launch.accelerator().equals("kvm")) {
            return "kvm";
        }
        // QEMU 7.2's translation cache defaults to 1 GiB of RSS per guest; cap it
        return "tcg,tb-size=" + launch.tcgCacheMb();
    }
}
