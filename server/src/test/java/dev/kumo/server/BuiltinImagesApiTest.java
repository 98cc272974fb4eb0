package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A built guest image in the cache becomes the public images cirros and kumo-cirros, once. */
class BuiltinImagesApiTest {
    static TestCloud cloud;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        Path cache = Files.createDirectories(cloud.stateDir().resolve("cache/guest"));
        Path image = cache.resolve("kumo-cirros-0.1-test.qcow2");
        Process p = new ProcessBuilder("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), "64M")
                .inheritIO().start();
        assertThat(p.waitFor()).as("qemu-img create (apt-get install qemu-utils)").isZero();
        cloud.restart();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void registeredOncePublicAndActive() {
        String demo = cloud.demoToken();
        for (String name : new String[] {"cirros", "kumo-cirros"}) {
            var images = cloud.get(cloud.baseUrl() + "/image/v2/images?name=" + name, demo).json().get("images");
            assertThat(images).as(name).hasSize(1);
            assertThat(images.get(0).get("status").asText()).isEqualTo("active");
            assertThat(images.get(0).get("visibility").asText()).isEqualTo("public");
            assertThat(images.get(0).get("disk_format").asText()).isEqualTo("qcow2");
            assertThat(images.get(0).get("os_distro").asText()).isEqualTo("cirros");
        }
        cloud.restart();
        assertThat(cloud.get(cloud.baseUrl() + "/image/v2/images?name=cirros", demo).json().get("images")).hasSize(1);
    }
}
