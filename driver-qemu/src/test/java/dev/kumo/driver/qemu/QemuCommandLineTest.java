package dev.kumo.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QemuCommandLineTest {
    private static final String ID = "0b4f3a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private final InstanceFiles files = InstanceFiles.of(Path.of("/s/instances"), ID);

    private static QemuLaunch launch(String accelerator, String kernel, String configDrive, List<QemuLaunch.Nic> nics) {
        return new QemuLaunch(ID, "vm", 2, 256, accelerator, 64, "pc", "/s/instances/" + ID + "/disk.qcow2", kernel,
                kernel == null ? null : "/k/initrd", null, nics, configDrive);
    }

    @Test
    void tcgGuestIsDaemonizedWithCappedCacheQmpPidFileAndConsoleInItsFolder() {
        List<String> c = QemuCommandLine.of(launch("tcg", null, null, List.of()), files, null);

        assertThat(c.getFirst()).isEqualTo("qemu-system-x86_64");
        assertThat(String.join(" ", c)).contains("-accel tcg,tb-size=64", "-smp 2", "-m 256", "-machine pc",
                "-nodefaults", "-uuid " + ID, "-daemonize",
                "-pidfile /s/instances/" + ID + "/qemu.pid",
                "-qmp unix:/s/instances/" + ID + "/qmp.sock,server=on,wait=off",
                "-chardev socket,id=console0,path=/s/instances/" + ID + "/serial.sock,server=on,wait=off,logfile=/s/instances/"
                        + ID + "/console.log,logappend=on",
                "-serial chardev:console0",
                "-drive file=/s/instances/" + ID + "/disk.qcow2,if=virtio,format=qcow2");
        assertThat(c).doesNotContain("-cpu", "-kernel", "-incoming", "-netdev");
    }

    @Test
    void kvmGuestUsesTheHostCpuAndNoTranslationCache() {
        String line = String.join(" ", QemuCommandLine.of(launch("kvm", null, null, List.of()), files, null));

        assertThat(line).contains("-accel kvm -smp", "-cpu host").doesNotContain("tb-size");
    }

    @Test
    void everyNicIsAVirtioDeviceOnItsPreCreatedTapWithThePortsMac() {
        var nics = List.of(new QemuLaunch.Nic("tapaaaaaaaa-aa", "fa:16:3e:00:00:01"),
                new QemuLaunch.Nic("tapbbbbbbbb-bb", "fa:16:3e:00:00:02"));

        String line = String.join(" ", QemuCommandLine.of(launch("tcg", null, null, nics), files, null));

        assertThat(line).contains(
                "-netdev tap,id=net-tapaaaaaaaa-aa,ifname=tapaaaaaaaa-aa,script=no,downscript=no -device virtio-net-pci,id=nic-tapaaaaaaaa-aa,netdev=net-tapaaaaaaaa-aa,mac=fa:16:3e:00:00:01",
                "-netdev tap,id=net-tapbbbbbbbb-bb,ifname=tapbbbbbbbb-bb,script=no,downscript=no -device virtio-net-pci,id=nic-tapbbbbbbbb-bb,netdev=net-tapbbbbbbbb-bb,mac=fa:16:3e:00:00:02");
    }

    @Test
    void configDriveIsAReadOnlyIdeCdromAndKernelImagesBootDirectly() {
        String line = String.join(" ", QemuCommandLine.of(launch("tcg", "/k/vmlinuz", "/c/cd.iso", List.of()), files, null));

        assertThat(line).contains("-drive file=/c/cd.iso,if=ide,media=cdrom,format=raw,readonly=on",
                "-kernel /k/vmlinuz -initrd /k/initrd -append root=/dev/vda console=ttyS0");
    }

    @Test
    void resumeRestoresFromTheSavedStateFile() {
        List<String> c = QemuCommandLine.of(launch("tcg", null, null, List.of()), files, files.savedState());

        assertThat(c).containsSubsequence("-incoming", "exec:cat /s/instances/" + ID + "/suspended.state");
    }

    @Test
    void instanceIdsThatCouldNameAnotherPathAreRejected() {
        assertThat(InstanceFiles.validId("../etc")).isFalse();
        assertThat(InstanceFiles.validId("_base")).isFalse();
        assertThat(InstanceFiles.validId(ID)).isTrue();
    }
}
