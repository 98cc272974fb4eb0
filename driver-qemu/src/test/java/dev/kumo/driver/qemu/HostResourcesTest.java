package dev.kumo.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each guest costs QEMU's own RAM, plus the translation cache under TCG (never under KVM). */
class HostResourcesTest {
    @Test
    void tcgGuestsCostTheirCacheAndQemu() {
        assertThat(HostResources.guestOverheadMb(Accelerator.tcg("test"), 64)).isEqualTo(114);
        assertThat(HostResources.guestOverheadMb(new Accelerator("kvm", "test"), 64)).isEqualTo(50);
        var host = HostResources.of("h", Path.of("/tmp"), Accelerator.tcg("test"), 128);
        assertThat(host.guestOverheadMb()).isEqualTo(178);
        assertThat(host.ramClaimMb(256)).isEqualTo(434);
        assertThat(host.memoryMb()).isPositive();
    }
}
