package dev.kumo.driver.qemu;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to start an instance's QEMU again, as spawn decided it: kept in the instance's
 * {@code launch.json} so that power on, reboot and resume after a kumo restart start the same guest.
 *
 * @param accelerator "kvm" or "tcg"
 * @param kernel      a kernel to boot directly (kernel+ramdisk images), or null to boot the disk (BIOS)
 * @param configDrive the config drive ISO, or null
 */
record QemuLaunch(String instanceId, String name, int vcpus, long memoryMb, String accelerator, int tcgCacheMb,
                  String machine, String disk, String kernel, String initrd, String kernelArgs, List<Nic> nics,
                  String configDrive) {
    QemuLaunch {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(accelerator, "accelerator");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(disk, "disk");
        nics = nics == null ? List.of() : List.copyOf(nics);
    }

    /** The same launch with a resize's vCPUs and RAM. */
    QemuLaunch withSizes(int newVcpus, long newMemoryMb) {
        return new QemuLaunch(instanceId, name, newVcpus, newMemoryMb, accelerator, tcgCacheMb, machine, disk, kernel,
                initrd, kernelArgs, nics, configDrive);
    }

    /** The same launch with other NICs (interface hot-plug and unplug). */
    QemuLaunch withNics(List<Nic> newNics) {
        return new QemuLaunch(instanceId, name, vcpus, memoryMb, accelerator, tcgCacheMb, machine, disk, kernel,
                initrd, kernelArgs, newNics, configDrive);
    }

    /** One NIC: the tap it attaches to and the MAC the guest sees. */
    record Nic(String tap, String mac) {
        Nic {
            Objects.requireNonNull(tap, "tap");
            Objects.requireNonNull(mac, "mac");
        }
    }
}
