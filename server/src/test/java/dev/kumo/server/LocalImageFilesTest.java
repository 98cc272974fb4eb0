package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.store.Database;
import dev.kumo.store.image.FilesystemImageDataStore;
import dev.kumo.store.image.SqlImageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the virt driver is told about images uploaded through Glance: their files, format, kernel and ramdisk. */
class LocalImageFilesTest {
    static TestCloud cloud;
    static ImageClient glance;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        glance = new ImageClient(cloud);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String uploaded(String token, String body, byte[] data) {
        String id = glance.createId(token, body);
        assertThat(glance.upload(id, token, data).statusCode()).isEqualTo(204);
        return id;
    }

    @Test
    void theDriverGetsTheCommittedFilesOfTheImageAndOfItsKernelAndRamdisk() {
        String token = cloud.adminToken();
        String kernel = uploaded(token, "{\"name\": \"k\", \"disk_format\": \"aki\", \"container_format\": \"aki\"}", new byte[100]);
        String ramdisk = uploaded(token, "{\"name\": \"r\", \"disk_format\": \"ari\", \"container_format\": \"ari\"}", new byte[200]);
        String root = uploaded(token, "{\"name\": \"fs\", \"disk_format\": \"ami\", \"container_format\": \"ami\", \"kernel_id\": \""
                + kernel + "\", \"ramdisk_id\": \"" + ramdisk + "\", \"os_command_line\": \"root=/dev/vda ro\"}", new byte[300]);
        String empty = glance.createId(token, "{\"name\": \"queued\", \"disk_format\": \"qcow2\", \"container_format\": \"bare\"}");
        var images = cloud.stateDir().resolve("images");

        try (Database database = Database.sqlite(cloud.stateDir().resolve("kumo.db"))) {
            var files = new LocalImageFiles(new SqlImageStore(database), new FilesystemImageDataStore(images));

            var spec = files.locate(root);
            assertThat(spec.diskFormat()).isEqualTo("ami");
            assertThat(spec.path()).isEqualTo(images.resolve("data").resolve(root).toString());
            assertThat(spec.kernelPath()).isEqualTo(images.resolve("data").resolve(kernel).toString());
            assertThat(spec.ramdiskPath()).isEqualTo(images.resolve("data").resolve(ramdisk).toString());
            assertThat(spec.kernelArgs()).isEqualTo("root=/dev/vda ro");
            var queued = files.locate(empty);
            assertThat(queued.path()).isNull();
            assertThat(queued.kernelPath()).isNull();
            assertThat(files.locate("00000000-0000-0000-0000-000000000000").path()).isNull();
        }
    }
}
