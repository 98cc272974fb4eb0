package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real judge of the config drive: Debian's cloud-init reads kumo's files with its own OpenStack datasource
 * code ({@code ConfigDriveReader.read_v2} and {@code convert_net_json}). cloud-init is not installed (installing it
 * would change the host's boot), so its package is downloaded and unpacked under target/ once; the test is skipped,
 * saying why, when that is impossible.
 */
@Tag("cloud-init")
class CloudInitConfigDriveTest {
    static final Path SYSTEM = Path.of("/usr/lib/python3/dist-packages");
    static final Path EXTRACTED = Path.of("target/cloud-init");
    static Path sitePackages;

    @BeforeAll
    static void findCloudInit() throws Exception {
        assumeTrue(run(List.of("python3", "--version"), Path.of(".")).exit() == 0, "python3 is not installed");
        if (Files.isDirectory(SYSTEM.resolve("cloudinit")) && run(List.of("python3", "-c", "import configobj"), Path.of(".")).exit() == 0) {
            sitePackages = SYSTEM;
            return;
        }
        Path extracted = EXTRACTED.resolve("usr/lib/python3/dist-packages");
        if (!Files.isDirectory(extracted.resolve("cloudinit")) || !Files.isDirectory(extracted.resolve("configobj"))) {
            extract();
        }
        assumeTrue(Files.isDirectory(extracted.resolve("cloudinit")), "cloud-init could not be downloaded and unpacked");
        sitePackages = extracted.toAbsolutePath();
    }

    /** {@code apt-get download} cloud-init and configobj (which it imports but Debian's python lacks), then unpack. */
    private static void extract() throws Exception {
        Path debs = EXTRACTED.resolveSibling("cloud-init-debs");
        Files.createDirectories(debs);
        var download = run(List.of("apt-get", "download", "cloud-init", "python3-configobj"), debs);
        assumeTrue(download.exit() == 0, "apt-get download cloud-init failed: " + download.output());
        try (var list = Files.list(debs)) {
            for (Path deb : list.filter(p -> p.toString().endsWith(".deb")).toList()) {
                var unpack = run(List.of("dpkg-deb", "-x", deb.toString(), EXTRACTED.toString()), Path.of("."));
                assumeTrue(unpack.exit() == 0, "dpkg-deb -x " + deb + " failed: " + unpack.output());
            }
        }
    }

    record Result(int exit, String output) {}

    static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(124, "timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static JsonNode readWithCloudInit(InstanceFacts facts, Path dir) throws Exception {
        for (Map.Entry<String, byte[]> file : ConfigDriveFiles.of(facts).entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Path script = dir.resolveSibling(dir.getFileName() + "-read.py");
        try (InputStream in = CloudInitConfigDriveTest.class.getResourceAsStream("/metadata/cloud_init_read_config_drive.py")) {
            Files.write(script, in.readAllBytes());
        }
        var result = run(List.of("python3", script.toString(), sitePackages.toString(), dir.toString()), Path.of("."));
        assertThat(result.exit()).as(result.output()).isZero();
        String output = result.output().strip();
        return Json.MAPPER.readTree(output.substring(output.lastIndexOf('\n') + 1));
    }

    @Test
    void cloudInitReadsIdentityKeysAndUserData(@TempDir Path tmp) throws Exception {
        JsonNode read = readWithCloudInit(SampleInstances.vm1(), tmp.resolve("drive"));
        assertThat(read.get("instance_id").asText()).isEqualTo(SampleInstances.UUID);
        assertThat(read.get("local_hostname").asText()).isEqualTo("vm-1-test.novalocal");
        assertThat(read.get("public_keys").get(0).asText()).isEqualTo(SampleInstances.KEY);
        assertThat(read.get("userdata").asText()).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(read.get("ec2_instance_id").asText()).isEqualTo("i-3f1c2a9e");
        assertThat(read.get("vendordata").isObject()).isTrue();
    }

    @Test
    void cloudInitTurnsStaticNetworkDataIntoAStaticConfig(@TempDir Path tmp) throws Exception {
        JsonNode network = readWithCloudInit(SampleInstances.vm1(), tmp.resolve("drive")).get("network");
        assertThat(network.get("version").asInt()).isEqualTo(1);
        JsonNode nic = network.get("config").get(0);
        assertThat(nic.get("type").asText()).isEqualTo("physical");
        assertThat(nic.get("mac_address").asText()).isEqualTo("fa:16:3e:00:00:06");
        assertThat(nic.get("mtu").asInt()).isEqualTo(1450);
        JsonNode subnet = nic.get("subnets").get(0);
        assertThat(subnet.get("type").asText()).isEqualTo("static");
        assertThat(subnet.get("address").asText()).isEqualTo("10.0.0.6");
        assertThat(subnet.get("netmask").asText()).isEqualTo("255.255.255.0");
        assertThat(subnet.toString()).contains("10.0.0.1").contains("172.16.0.0");
        assertThat(network.toString()).contains("10.0.0.2"); // the DNS server, as a nameserver entry
    }

    @Test
    void cloudInitUsesDhcpWhenTheSubnetHasADhcpServer(@TempDir Path tmp) throws Exception {
        JsonNode read = readWithCloudInit(SampleInstances.bare(), tmp.resolve("drive"));
        assertThat(read.get("public_keys").size()).isZero();
        JsonNode subnet = read.get("network").get("config").get(0).get("subnets").get(0);
        assertThat(subnet.get("type").asText()).isEqualTo("dhcp4");
    }
}
