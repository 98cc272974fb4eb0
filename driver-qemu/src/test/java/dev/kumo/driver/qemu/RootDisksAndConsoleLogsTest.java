package dev.kumo.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootDisksAndConsoleLogsTest {
    @TempDir
    Path dir;

    @Test
    void theOverlayGrowsToTheFlavorsRootDiskAndKeepsTheImageSizeOtherwise() throws Exception {
        assumeTrue(HostCommand.run(Duration.ofSeconds(5), "qemu-img", "--version").succeeded(), "qemu-img is not installed");
        Path source = dir.resolve("image.raw");
        Files.write(source, new byte[1 << 20]);
        var disks = new RootDisks(dir.resolve("_base"));

        Path base = disks.cachedBase("img-1", source);
        assertThat(disks.cachedBase("img-1", source)).isEqualTo(base).hasSameBinaryContentAs(source);
        disks.createOverlay(base, "raw", dir.resolve("grown.qcow2"), 1);
        disks.createOverlay(base, "raw", dir.resolve("same.qcow2"), 0);
        disks.createOverlay(base, "ami", dir.resolve("ami.qcow2"), 0);

        assertThat(RootDisks.virtualSize(dir.resolve("grown.qcow2"), "qcow2")).isEqualTo(1L << 30);
        assertThat(RootDisks.virtualSize(dir.resolve("same.qcow2"), "qcow2")).isEqualTo(1L << 20);
        assertThat(RootDisks.virtualSize(dir.resolve("ami.qcow2"), "qcow2")).isEqualTo(1L << 20);
        assertThat(HostCommand.run(Duration.ofSeconds(5), "qemu-img", "info", dir.resolve("grown.qcow2").toString()).output())
                .contains("backing file: " + base);
    }

    @Test
    void aConsoleLogAboveTheLimitIsRotatedOnceAndTailsCountLinesAsNovaDoes() throws Exception {
        var files = new InstanceFiles("i-1", dir);
        Files.writeString(files.consoleLog(), "a\nb\nc\n");
        ConsoleLogs.rotateIfLarger(files, 100);
        assertThat(files.consoleLog()).exists();

        assertThat(ConsoleLogs.tail(files.consoleLog(), 2, 1 << 20)).isEqualTo("c\n");
        assertThat(ConsoleLogs.tail(files.consoleLog(), 0, 1 << 20)).isEqualTo("a\nb\nc\n");
        assertThat(ConsoleLogs.tail(files.consoleLog(), 0, 4)).isEqualTo("b\nc\n");

        Files.writeString(files.consoleLog(), "y".repeat(200));
        ConsoleLogs.boundWhileRunning(files, 100);
        assertThat(files.consoleLog()).isEmptyFile();
        assertThat(files.previousConsoleLog()).hasContent("y".repeat(200));

        Files.writeString(files.consoleLog(), "x".repeat(200));
        ConsoleLogs.rotateIfLarger(files, 100);
        assertThat(files.consoleLog()).doesNotExist();
        assertThat(files.previousConsoleLog()).hasContent("x".repeat(200));
    }
}
