package dev.kumo.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The image part of the source documents' workflow with Debian's real clients: the documents' upload
 * ({@code glance image-create --is-public=true ... < file}, translated to v2) with both the {@code openstack}
 * and the legacy {@code glance} CLI, then list, show, download and compare, set a property, delete, and a
 * mislabelled upload that fails with a clear message.
 */
@Tag("cli")
class ImageCliTest {
    static TestCloud cloud;
    static OpenStackCli admin;
    static OpenStackCli demo;
    static OpenStackCli glance;
    static Path work;
    static Path qcow2;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        admin = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_admin"));
        demo = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_demo"));
        glance = OpenStackCli.legacy("glance", cloud.stateDir().resolve("keystonerc_admin"));
        work = Files.createTempDirectory("kumo-image-cli");
        qcow2 = work.resolve("cirros.qcow2");
        var p = new ProcessBuilder(List.of("qemu-img", "create", "-f", "qcow2", qcow2.toString(), "32M"))
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as("qemu-img create (apt-get install qemu-utils)").isZero();
    }

    @AfterAll
    static void stop() throws IOException {
        cloud.close();
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void openstackImageCreateListShowSaveSetDelete() throws Exception {
        JsonNode created = admin.json("image", "create", "--disk-format", "qcow2", "--container-format", "bare",
                "--public", "--file", qcow2.toString(), "cirros");
        String id = created.get("id").asText();
        assertThat(admin.json("image", "list").findValuesAsText("Name")).contains("cirros");
        assertThat(demo.json("image", "list").findValuesAsText("Name")).as("public: demo sees it").contains("cirros");
        JsonNode shown = admin.json("image", "show", "cirros");
        assertThat(shown.get("status").asText()).isEqualTo("active");
        assertThat(shown.get("visibility").asText()).isEqualTo("public");
        assertThat(shown.get("disk_format").asText()).isEqualTo("qcow2");
        assertThat(shown.get("size").asLong()).isEqualTo(Files.size(qcow2));
        assertThat(shown.get("checksum").asText()).isEqualTo(md5(Files.readAllBytes(qcow2)));
        Path saved = work.resolve("saved.qcow2");
        demo.run("image", "save", "--file", saved.toString(), "cirros").ok();
        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(qcow2));
        admin.run("image", "set", "--property", "os_distro=cirros", "--property", "hw_disk_bus=virtio", "cirros").ok();
        assertThat(admin.json("image", "show", id).get("properties").toString())
                .contains("\"os_distro\":\"cirros\"").contains("\"hw_disk_bus\":\"virtio\"");
        assertThat(demo.run("image", "delete", "cirros").failed().stderr()).contains("cirros");
        admin.run("image", "delete", "cirros").ok();
        assertThat(admin.run("image", "show", id).failed().stderr()).contains(id);
    }

    @Test
    void legacyGlanceImageCreateAndList() throws Exception {
        var created = glance.run("image-create", "--name", "Ubuntu1404", "--visibility", "public", "--disk-format",
                "qcow2", "--container-format", "bare", "--file", qcow2.toString()).ok();
        assertThat(OpenStackCli.property(created.stdout(), "status")).isEqualTo("active");
        assertThat(OpenStackCli.property(created.stdout(), "visibility")).isEqualTo("public");
        assertThat(OpenStackCli.property(created.stdout(), "checksum")).isEqualTo(md5(Files.readAllBytes(qcow2)));
        String id = OpenStackCli.property(created.stdout(), "id");
        assertThat(glance.run("image-list").ok().stdout()).contains(id).contains("Ubuntu1404");
        Path saved = work.resolve("glance-saved.qcow2");
        glance.run("image-download", "--file", saved.toString(), id).ok();
        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(qcow2));
        glance.run("image-delete", id).ok();
        assertThat(glance.run("image-list").ok().stdout()).doesNotContain(id);
    }

    @Test
    void mislabelledUploadFailsClearly() throws Exception {
        Path notQcow2 = work.resolve("random.img");
        byte[] random = new byte[200_000];
        new Random(42).nextBytes(random);
        Files.write(notQcow2, random);
        var viaGlance = glance.run("image-create", "--name", "bad", "--disk-format", "qcow2", "--container-format", "bare",
                "--file", notQcow2.toString()).failed();
        assertThat(viaGlance.stderr()).contains("Image content is raw but its disk_format is qcow2");
        var viaOpenstack = admin.run("image", "create", "--disk-format", "qcow2", "--container-format", "bare",
                "--file", notQcow2.toString(), "bad2").failed();
        assertThat(viaOpenstack.stderr()).contains("Image content is raw but its disk_format is qcow2");
        // the openstack CLI deletes the image whose upload failed; glance leaves it queued, as with real Glance
        assertThat(admin.json("image", "list", "--long").toString()).doesNotContain("bad2").contains("queued");
    }

    private static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }
}
