package dev.kumo.store.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** qemu-img's JSON mapped to Glance's format names; and the real tool on real files. */
class QemuImgInspectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void mapsQemuNamesAndNoticesBackingFiles() throws Exception {
        var vpc = QemuImgInspector.parse(JSON.readTree("{\"format\": \"vpc\", \"virtual-size\": 1024}"));
        assertThat(vpc.format()).isEqualTo("vhd");
        assertThat(vpc.virtualSize()).isEqualTo(1024);
        assertThat(vpc.referencesFiles()).isFalse();
        var overlay = QemuImgInspector.parse(JSON.readTree("{\"format\": \"qcow2\", \"backing-filename\": \"/etc/shadow\"}"));
        assertThat(overlay.referencesFiles()).isTrue();
        var dataFile = QemuImgInspector.parse(JSON.readTree(
                "{\"format\": \"qcow2\", \"format-specific\": {\"type\": \"qcow2\", \"data\": {\"data-file\": \"/dev/sda\"}}}"));
        assertThat(dataFile.referencesFiles()).isTrue();
    }

    @Test
    void inspectsRealFiles() throws Exception {
        Path qcow2 = dir.resolve("a.qcow2");
        var p = new ProcessBuilder(List.of("qemu-img", "create", "-f", "qcow2", qcow2.toString(), "2M"))
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        var inspector = new QemuImgInspector();
        assertThat(inspector.inspect(qcow2).format()).isEqualTo("qcow2");
        assertThat(inspector.inspect(qcow2).virtualSize()).isEqualTo(2L << 20);
        Path raw = Files.write(dir.resolve("raw"), new byte[4096]);
        assertThat(inspector.inspect(raw).format()).isEqualTo("raw");
    }
}
