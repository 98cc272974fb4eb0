package dev.kumo.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstanceFilesTest {
    private static final String ID = "9670f395-dd89-4fb8-90ec-42c6ab05ed3b";

    @Test
    void socketsStayBesideTheDiskWhenTheirPathFits() {
        InstanceFiles files = InstanceFiles.of(Path.of("/var/lib/kumo/instances"), ID);
        assertThat(files.qmpSocket()).isEqualTo(Path.of("/var/lib/kumo/instances", ID, "qmp.sock"));
        assertThat(files.socketsElsewhere()).isFalse();
    }

    @Test
    void socketsOfADeepStateDirMoveToAShortStableFolder() {
        // the path CI's clone produced, which QEMU could not bind
        Path root = Path.of("/check/work/main/system-tests/target/system/98c8/state/instances");
        InstanceFiles files = InstanceFiles.of(root, ID);
        assertThat(files.socketsElsewhere()).isTrue();
        assertThat(files.serialSocket().toString()).hasSizeLessThanOrEqualTo(InstanceFiles.MAX_SOCKET_PATH);
        assertThat(files.qmpSocket().getParent()).isEqualTo(files.serialSocket().getParent());
        assertThat(files.socketDir()).isEqualTo(InstanceFiles.of(root, ID).socketDir());
        assertThat(files.socketDir()).isNotEqualTo(InstanceFiles.of(root, "other").socketDir());
        assertThat(files.disk()).isEqualTo(root.resolve(ID).resolve("disk.qcow2"));
    }
}
