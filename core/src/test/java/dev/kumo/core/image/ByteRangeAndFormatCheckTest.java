package dev.kumo.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.model.error.CloudException;
import dev.kumo.spi.image.DiskFormatInspector.DiskFormat;
import org.junit.jupiter.api.Test;

class ByteRangeAndFormatCheckTest {
    @Test
    void rangesResolveWithinTheData() {
        assertThat(ByteRange.ALL.resolve(100)).containsExactly(0, 100);
        assertThat(new ByteRange(10L, 19L, null).resolve(100)).containsExactly(10, 10);
        assertThat(new ByteRange(90L, 200L, null).resolve(100)).containsExactly(90, 10);
        assertThat(new ByteRange(null, null, 5L).resolve(100)).containsExactly(95, 5);
        assertThat(new ByteRange(null, null, 500L).resolve(100)).containsExactly(0, 100);
        assertThat(new ByteRange(100L, null, null).resolve(100)).isNull();
        assertThat(new ByteRange(20L, 10L, null).resolve(100)).isNull();
        assertThat(ByteRange.ALL.resolve(0)).containsExactly(0, 0);
    }

    @Test
    void contentMustBeTheDeclaredFormat() {
        DiskFormatCheck.requireMatch("qcow2", new DiskFormat("qcow2", 1L, false));
        DiskFormatCheck.requireMatch("iso", new DiskFormat("raw", 1L, false));
        DiskFormatCheck.requireMatch("vhd", new DiskFormat("vhd", 1L, false));
        assertThatThrownBy(() -> DiskFormatCheck.requireMatch("qcow2", new DiskFormat("raw", 1L, false)))
                .isInstanceOf(CloudException.class).hasMessageContaining("Image content is raw but its disk_format is qcow2");
        assertThatThrownBy(() -> DiskFormatCheck.requireMatch("raw", new DiskFormat("qcow2", 1L, false)))
                .hasMessageContaining("Image content is qcow2 but its disk_format is raw");
        assertThatThrownBy(() -> DiskFormatCheck.requireMatch("qcow2", new DiskFormat("qcow2", 1L, true)))
                .hasMessageContaining("backing or data file");
    }
}
