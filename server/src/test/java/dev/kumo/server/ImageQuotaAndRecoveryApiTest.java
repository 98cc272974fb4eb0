package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-project storage quota (413 as Glance's user_storage_quota) and start-up recovery of image files. */
class ImageQuotaAndRecoveryApiTest {
    static TestCloud cloud;
    static ImageClient glance;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        Files.writeString(cloud.stateDir().resolve("kumo.conf"), "\nimage.storage_quota_bytes = 10000\n",
                StandardOpenOption.APPEND);
        cloud.restart();
        glance = new ImageClient(cloud);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String queued(String token) {
        return glance.createId(token, "{\"disk_format\": \"raw\", \"container_format\": \"bare\"}");
    }

    @Test
    void uploadsBeyondTheProjectsQuotaAre413() throws Exception {
        String demo = cloud.demoToken();
        assertThat(glance.upload(queued(demo), demo, ImageFiles.random(6000, 1)).statusCode()).isEqualTo(204);
        String second = queued(demo);
        var refused = glance.upload(second, demo, ImageFiles.random(6000, 2));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("exceeds the quota").contains("4000 bytes remaining");
        assertThat(glance.status(second, demo)).isEqualTo("queued");
        // chunked: the size is unknown until the stream passes the limit
        var chunked = glance.uploadStream(second, demo, () -> new java.io.ByteArrayInputStream(ImageFiles.random(6000, 3)));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(glance.status(second, demo)).isEqualTo("queued");
        assertThat(glance.upload(second, demo, ImageFiles.random(3000, 4)).statusCode()).isEqualTo(204);
        // another project has its own quota
        String admin = cloud.adminToken();
        assertThat(glance.upload(queued(admin), admin, ImageFiles.random(6000, 5)).statusCode()).isEqualTo(204);
    }

    @Test
    void restartRemovesInterruptedStagingAndOrphanedData() throws Exception {
        Path images = cloud.stateDir().resolve("images");
        Path partial = images.resolve("staging/0b7c8f9e-1111-4222-8333-944455556666.abc.part");
        Path orphan = images.resolve("data/0b7c8f9e-1111-4222-8333-944455556667");
        Files.write(partial, new byte[100]);
        Files.write(orphan, new byte[100]);
        // admin's project: the quota test counts demo's bytes
        String admin = cloud.adminToken();
        String kept = queued(admin);
        glance.upload(kept, admin, ImageFiles.random(10, 6));
        cloud.restart();
        assertThat(partial).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(images.resolve("data/" + kept)).exists();
        assertThat(glance.download(kept, cloud.adminToken()).body()).isEqualTo(ImageFiles.random(10, 6));
    }
}
