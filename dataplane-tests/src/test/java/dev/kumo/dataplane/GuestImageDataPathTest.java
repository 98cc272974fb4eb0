package dev.kumo.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-in guest image on a real data path: DHCP with MTU and classless routes, metadata in
 * the OpenStack format (EC2 as fallback) or from a config drive, CirrOS's console lines, SSH with
 * the injected key, and a clean poweroff on the ACPI power button.
 */
@Tag("dataplane")
class GuestImageDataPathTest {
    private static final Path BUILDER = Path.of(System.getProperty("kumo.guestImage.builder", "../guest-image/build"));
    private static final Path CACHE = Path.of(System.getProperty("kumo.guestImage.cache", "target/guest-cache"));
    private static final Duration SSH_WAIT = Duration.ofSeconds(90);
    private static final Duration POWER_DOWN_WAIT = Duration.ofSeconds(30);
    private static final String USER_DATA = "#!/bin/sh\necho \"user-data ran on $(hostname) as $(id -un)\"\n";
    private static final AtomicInteger LABS = new AtomicInteger();

    private static GuestImage image;
    private static Path work;
    private static Path privateKey;
    private static String publicKey;

    @BeforeAll
    static void buildImageAndKey() throws IOException {
        HostRequirements.assertUsable();
        StaleLabs.sweep(Path.of("/tmp"));
        image = GuestImage.ensure(BUILDER.toAbsolutePath(), CACHE.toAbsolutePath());
        System.out.printf("guest image %s: %d KiB, build or cache lookup took %.1f s%n", image.qcow2().getFileName(),
                Files.size(image.qcow2()) / 1024, image.buildTime().toMillis() / 1000.0);
        // Short paths: QMP's unix socket path must fit in 108 bytes.
        work = Files.createDirectories(Path.of("/tmp", "kumo-gt-" + ProcessHandle.current().pid()));
        privateKey = SshClient.generateKey(work.resolve("id_ed25519"));
        publicKey = Files.readString(work.resolve("id_ed25519.pub")).strip();
    }

    @AfterAll
    static void removeWorkDir() throws IOException {
        if (work != null) {
            StaleLabs.delete(work);
        }
    }

    @Test
    void metadataServiceGivesHostnameKeyAndUserDataAndDhcpGivesMtuAndRoutes() throws IOException {
        GuestIdentity guest = identity("vm one", "vm-one.novalocal");
        DhcpHost lease = new DhcpHost("fa:16:3e:00:00:06", "10.0.0.6", "host-10-0-0-6");
        try (LabNetwork lab = lab(lease)) {
            MetadataServer metadata = lab.serveMetadata(metadataTree(lab, guest, true, true));
            try (QemuGuest vm = QemuGuest.launch(lab, "vm", image.qcow2(), new QemuGuest.Nic("tapvm", lease.mac()), List.of())) {
                SshClient ssh = new SshClient(lab, privateKey);
                ssh.awaitLogin("cirros", lease.ip(), SSH_WAIT, vm.console());
                System.out.printf("metadata service: launch -> SSH ready %.1f s%n", vm.secondsSinceLaunch());

                assertThat(ssh.run("cirros", lease.ip(), "hostname").orThrow().output().strip()).isEqualTo("vm-one");
                assertThat(ssh.run("root", lease.ip(), "id -u").orThrow().output().strip()).isEqualTo("0");
                assertDhcpConfiguredMtuRoutesAndDns(ssh, lease.ip());

                vm.console().await("login:", SSH_WAIT);
                System.out.printf("metadata service: launch -> login prompt %.1f s%n", vm.secondsSinceLaunch());
                String console = vm.console().text();
                assertThat(console).contains("checking http://169.254.169.254/2009-04-04/instance-id")
                        .containsPattern("successful after 1/20 tries: up \\d+\\.\\d+\\. iid=" + guest.uuid())
                        .contains("=== datasource: openstack net ===")
                        .contains("user-data ran on vm-one as root")
                        .contains("vm-one login:");
                assertThat(hostKeyFingerprint(console)).isEqualTo(scannedHostKeyFingerprint(lab, lease.ip()));
                assertThat(metadata.accessLog()).contains("GET /openstack/latest/meta_data.json HTTP/1.1\" 200")
                        .doesNotContain("/2009-04-04/");

                rebootKeepsHostKeyAndRunsUserDataOnce(vm, ssh, lease.ip());

                Duration stop = vm.powerDown(POWER_DOWN_WAIT);
                System.out.printf("system_powerdown -> QEMU exited %.1f s%n", stop.toMillis() / 1000.0);
                assertThat(vm.console().text()).contains("ACPI power button pressed").contains("reboot: Power down");
            }
        }
    }

    private static void assertDhcpConfiguredMtuRoutesAndDns(SshClient ssh, String ip) {
        assertThat(ssh.run("cirros", ip, "ip link show eth0").orThrow().output()).contains("mtu 1450");
        assertThat(ssh.run("cirros", ip, "ip route").orThrow().output())
                .contains("169.254.169.254 via 10.0.0.1 dev eth0").contains("default via 10.0.0.1 dev eth0");
        assertThat(ssh.run("cirros", ip, "cat /etc/resolv.conf").orThrow().output())
                .contains("search openstacklocal").contains("nameserver 10.0.0.1");
    }

    /** A reboot is not a new instance: same host key, user-data not run again, the key still works. */
    private static void rebootKeepsHostKeyAndRunsUserDataOnce(QemuGuest vm, SshClient ssh, String ip) {
        String firstBoot = vm.console().text();
        ssh.run("root", ip, "reboot"); // the connection drops while the guest goes down
        vm.console().await("login:", 2, SSH_WAIT);
        ssh.awaitLogin("cirros", ip, SSH_WAIT, vm.console());
        String secondBoot = vm.console().text().substring(firstBoot.length());
        assertThat(secondBoot).contains("user-data already ran on this instance's first boot")
                .doesNotContain("user-data ran on");
        assertThat(hostKeyFingerprint(secondBoot)).isEqualTo(hostKeyFingerprint(firstBoot));
    }

    @Test
    void ec2MetadataIsTheFallbackWhenThereIsNoOpenStackFormat() {
        GuestIdentity guest = identity("vm two", "vm-ec2.novalocal");
        DhcpHost lease = new DhcpHost("fa:16:3e:00:00:07", "10.0.0.7", "host-10-0-0-7");
        try (LabNetwork lab = lab(lease)) {
            MetadataServer metadata = lab.serveMetadata(metadataTree(lab, guest, false, true));
            try (QemuGuest vm = QemuGuest.launch(lab, "vm", image.qcow2(), new QemuGuest.Nic("tapvm", lease.mac()), List.of())) {
                SshClient ssh = new SshClient(lab, privateKey);
                ssh.awaitLogin("cirros", lease.ip(), SSH_WAIT, vm.console());
                System.out.printf("EC2 metadata: launch -> SSH ready %.1f s%n", vm.secondsSinceLaunch());

                assertThat(ssh.run("cirros", lease.ip(), "hostname").orThrow().output().strip()).isEqualTo("vm-ec2");
                vm.console().await("login:", SSH_WAIT);
                assertThat(vm.console().text()).containsPattern("successful after 1/20 tries: up \\d+\\.\\d+\\. iid=i-0000abcd")
                        .contains("=== datasource: ec2 net ===").contains("user-data ran on vm-ec2 as root");
                assertThat(metadata.accessLog()).contains("GET /openstack/latest/meta_data.json HTTP/1.1\" 404")
                        .contains("GET /2009-04-04/meta-data/public-keys/0/openssh-key HTTP/1.1\" 200");
                vm.powerDown(POWER_DOWN_WAIT);
            }
        }
    }

    @Test
    void withoutMetadataTheGuestRetriesTwentyTimesThenStillReachesLogin() {
        DhcpHost lease = new DhcpHost("fa:16:3e:00:00:08", "10.0.0.8", "host-10-0-0-8");
        try (LabNetwork lab = lab(lease);
                QemuGuest vm = QemuGuest.launch(lab, "vm", image.qcow2(), new QemuGuest.Nic("tapvm", lease.mac()), List.of())) {
            vm.console().await("login:", SSH_WAIT);
            System.out.printf("no metadata: launch -> login prompt %.1f s%n", vm.secondsSinceLaunch());

            String console = vm.console().text();
            Matcher failed = Pattern.compile("failed (\\d+)/20: up \\d+\\.\\d+\\. request failed").matcher(console);
            int tries = 0;
            while (failed.find()) {
                tries++;
                assertThat(failed.group(1)).isEqualTo(Integer.toString(tries));
            }
            assertThat(tries).isEqualTo(20);
            assertThat(console).contains("failed to read iid from metadata. tried 20")
                    .contains("=== datasource: None None ===")
                    .contains("host-10-0-0-8 login:");
            vm.powerDown(POWER_DOWN_WAIT);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"q35, VIRTIO_DISK", "pc, IDE_CDROM"})
    void configDriveGivesTheKeyWithoutAnyMetadataService(String machine, QemuGuest.Bus bus) {
        GuestIdentity guest = identity("vm three", "vm-cd");
        DhcpHost lease = new DhcpHost("fa:16:3e:00:00:09", "10.0.0.9", "host-10-0-0-9");
        try (LabNetwork lab = lab(lease)) {
            QemuGuest.ExtraDisk drive = new QemuGuest.ExtraDisk(ConfigDrive.build(lab.dir(), guest), bus);
            try (QemuGuest vm = QemuGuest.launch(lab, "vm", machine, image.qcow2(), new QemuGuest.Nic("tapvm", lease.mac()), List.of(drive))) {
                SshClient ssh = new SshClient(lab, privateKey);
                ssh.awaitLogin("cirros", lease.ip(), SSH_WAIT, vm.console());
                System.out.printf("config drive (%s, %s): launch -> SSH ready %.1f s%n", machine, bus, vm.secondsSinceLaunch());

                assertThat(ssh.run("cirros", lease.ip(), "hostname").orThrow().output().strip()).isEqualTo("vm-cd");
                vm.console().await("login:", SSH_WAIT);
                assertThat(vm.console().text()).contains("=== datasource: configdrive local ===")
                        .contains("iid=" + guest.uuid())
                        .doesNotContain("checking http://169.254.169.254");
                vm.powerDown(POWER_DOWN_WAIT);
            }
        }
    }

    @Test
    void thePowerButtonWorksWhileTheGuestIsStillWaitingForMetadata() {
        DhcpHost lease = new DhcpHost("fa:16:3e:00:00:0a", "10.0.0.10", "host-10-0-0-10");
        try (LabNetwork lab = lab(lease);
                QemuGuest vm = QemuGuest.launch(lab, "vm", image.qcow2(), new QemuGuest.Nic("tapvm", lease.mac()), List.of())) {
            vm.console().await("failed 2/20: up", SSH_WAIT);
            Duration stop = vm.powerDown(POWER_DOWN_WAIT);
            System.out.printf("system_powerdown during metadata retries -> QEMU exited %.1f s%n", stop.toMillis() / 1000.0);
            assertThat(vm.console().text()).contains("ACPI power button pressed").doesNotContain("failed 20/20");
        }
    }

    private static GuestIdentity identity(String name, String hostname) {
        return new GuestIdentity(UUID.randomUUID().toString(), "i-0000abcd", name, hostname, "lab-key", publicKey, USER_DATA);
    }

    private static LabNetwork lab(DhcpHost lease) {
        String name = "kumo-gt-" + ProcessHandle.current().pid() + "-" + LABS.incrementAndGet();
        return LabNetwork.create(name, work, List.of(lease));
    }

    private static Path metadataTree(LabNetwork lab, GuestIdentity guest, boolean openStack, boolean ec2) {
        Path root = lab.dir().resolve("metadata");
        if (openStack) {
            MetadataFiles.writeOpenStack(root, guest);
        }
        if (ec2) {
            MetadataFiles.writeEc2(root, guest);
        }
        return root;
    }

    /** The SHA256 fingerprint from the console's SSH HOST KEY FINGERPRINTS block. */
    private static String hostKeyFingerprint(String console) {
        Matcher m = Pattern.compile("-----BEGIN SSH HOST KEY FINGERPRINTS-----\\s+256 (SHA256:\\S+) root@\\S+ \\(ED25519\\)").matcher(console);
        assertThat(m.find()).as("the console prints the host key fingerprint block").isTrue();
        return m.group(1);
    }

    /** The fingerprint of the host key the guest's sshd actually presents. */
    private static String scannedHostKeyFingerprint(LabNetwork lab, String ip) {
        String output = HostCommand.run(Duration.ofSeconds(20), lab.inNamespace(List.of("sh", "-c",
                "ssh-keyscan -t ed25519 " + ip + " 2>/dev/null | ssh-keygen -l -f -"))).orThrow().output();
        Matcher m = Pattern.compile("(SHA256:\\S+)").matcher(output);
        assertThat(m.find()).as("ssh-keygen -l output: %s", output).isTrue();
        return m.group(1);
    }
}
