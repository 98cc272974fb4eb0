package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real judge of the config drive: Debian's cloud-init reads kumo's files with its own OpenStack datasource
 * code ({@code ConfigDriveReader.read_v2} and {@code convert_net_json}); see {@link CloudInitPackage}.
 */
@Tag("cloud-init")
class CloudInitConfigDriveTest {
    static Path sitePackages;

    @BeforeAll
    static void findCloudInit() throws Exception {
        sitePackages = CloudInitPackage.sitePackages();
    }

    private static JsonNode readWithCloudInit(InstanceFacts facts, Path dir) throws Exception {
        for (Map.Entry<String, byte[]> file : ConfigDriveFiles.of(facts).entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Path script = CloudInitPackage.script("/metadata/cloud_init_read_config_drive.py",
                dir.resolveSibling(dir.getFileName() + "-read.py"));
        var result = CloudInitPackage.run(List.of("python3", script.toString(), sitePackages.toString(), dir.toString()), Path.of("."));
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
