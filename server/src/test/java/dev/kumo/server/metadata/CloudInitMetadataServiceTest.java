package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's cloud-init reads kumo's metadata service as a guest's would, with its own {@code MetadataReader}: the
 * version list, the OpenStack documents and a crawl of the EC2 tree, through a loopback stand-in for haproxy.
 */
@Tag("cloud-init")
class CloudInitMetadataServiceTest {
    static Path sitePackages;

    @BeforeAll
    static void start() throws Exception {
        sitePackages = CloudInitPackage.sitePackages();
        MetadataLab.start();
    }

    @AfterAll
    static void stop() {
        if (MetadataLab.cloud != null) {
            MetadataLab.stop();
        }
    }

    private static JsonNode read(Path tmp, String sourceIp) throws Exception {
        Path script = CloudInitPackage.script("/metadata/cloud_init_read_metadata_service.py", tmp.resolve("read.py"));
        var result = CloudInitPackage.run(List.of("python3", script.toString(), sitePackages.toString(),
                MetadataLab.socket().toString(), sourceIp, MetadataLab.router), Path.of("."));
        assertThat(result.exit()).as(result.output()).isZero();
        String output = result.output().strip();
        return Json.MAPPER.readTree(output.substring(output.lastIndexOf('\n') + 1));
    }

    @Test
    void cloudInitReadsTheInstanceThroughTheRouterProxy(@TempDir Path tmp) throws Exception {
        JsonNode read = read(tmp, MetadataLab.ip1);
        assertThat(read.get("instance_id").asText()).isEqualTo(MetadataLab.server1);
        assertThat(read.get("local_hostname").asText()).isEqualTo("web-server-1.novalocal");
        assertThat(read.get("public_keys").get(0).asText()).isEqualTo(MetadataLab.KEY);
        assertThat(read.get("userdata").asText()).isEqualTo("#cloud-config\nhostname: x\n");
        assertThat(read.at("/networkdata/networks/0/type").asText()).as("a subnet with DHCP").isEqualTo("ipv4_dhcp");
        assertThat(read.at("/networkdata/networks/0/network_id").asText()).isEqualTo(MetadataLab.network);
        // cloud-init picked the newest version it knows from kumo's list
        assertThat(read.get("paths").toString()).contains("/openstack/2018-08-27/meta_data.json");
    }

    @Test
    void cloudInitCrawlsTheEc2Tree(@TempDir Path tmp) throws Exception {
        JsonNode ec2 = read(tmp, MetadataLab.ip1).get("ec2");
        assertThat(ec2.get("instance-id").asText()).isEqualTo("i-" + MetadataLab.server1.substring(0, 8));
        assertThat(ec2.get("local-ipv4").asText()).isEqualTo(MetadataLab.ip1);
        assertThat(ec2.get("public-ipv4").asText()).isEqualTo(MetadataLab.floating);
        assertThat(ec2.at("/placement/availability-zone").asText()).isEqualTo("nova");
        assertThat(ec2.get("public-keys").toString()).contains(MetadataLab.KEY.split(" ")[1]);
    }
}
