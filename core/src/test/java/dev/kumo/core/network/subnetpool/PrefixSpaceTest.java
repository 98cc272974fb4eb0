package dev.kumo.core.network.subnetpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.network.ip.Cidr;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixSpaceTest {
    private static PrefixSpace space(String... cidrs) {
        return PrefixSpace.of(Arrays.stream(cidrs).map(Cidr::parse).toList());
    }

    private static List<String> text(PrefixSpace space) {
        return space.blocks().stream().map(Cidr::toString).toList();
    }

    @Test
    void compactsContainedAndAdjacentBlocksLikeNetaddrIpSet() {
        assertThat(text(space("10.0.1.0/24", "10.0.0.0/24", "10.0.0.128/25", "192.168.0.0/16")))
                .containsExactly("10.0.0.0/23", "192.168.0.0/16");
        assertThat(text(space("10.0.1.0/24", "10.0.2.0/24"))).as("adjacent but not siblings stay apart")
                .containsExactly("10.0.1.0/24", "10.0.2.0/24");
        assertThat(text(space("10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/25"))).as("merges cascade")
                .containsExactly("10.0.0.0/24");
    }

    @Test
    void minusSplitsBlocksAroundWhatIsTaken() {
        assertThat(text(space("10.0.0.0/24").minus(space("10.0.0.64/26"))))
                .containsExactly("10.0.0.0/26", "10.0.0.128/25");
        assertThat(space("10.0.0.0/24").minus(space("10.0.0.0/16")).isEmpty()).isTrue();
        assertThat(text(space("2001:db8::/48").minus(space("2001:db8::/64"))).getFirst()).isEqualTo("2001:db8:0:1::/64");
    }

    @Test
    void firstFitTakesTheSmallestFreeBlockThatHoldsTheLength() {
        PrefixSpace free = space("10.0.0.0/16", "10.1.0.0/24", "10.2.0.0/28");
        assertThat(free.firstFit(26)).map(Cidr::toString).contains("10.1.0.0/26");
        assertThat(free.firstFit(28)).map(Cidr::toString).contains("10.2.0.0/28");
        assertThat(free.firstFit(20)).map(Cidr::toString).contains("10.0.0.0/20");
        assertThat(free.firstFit(8)).isEmpty();
        PrefixSpace afterOne = space("10.10.0.0/16").minus(space("10.10.0.0/24"));
        assertThat(afterOne.firstFit(24)).map(Cidr::toString).contains("10.10.1.0/24");
    }

    @Test
    void coversOnlyWhatLiesWhollyInOneBlock() {
        PrefixSpace free = space("10.0.0.0/24", "10.0.1.0/25");
        assertThat(free.covers(Cidr.parse("10.0.0.128/25"))).isTrue();
        assertThat(free.covers(Cidr.parse("10.0.0.0/23"))).isFalse();
        assertThat(free.covers(Cidr.parse("10.0.1.128/26"))).isFalse();
        assertThat(free.covers(Cidr.parse("2001:db8::/64"))).isFalse();
    }

    @Test
    void quotaUnits() {
        assertThat(PrefixSpace.units(Cidr.parse("10.0.0.0/24"), 32)).isEqualTo(256);
        assertThat(PrefixSpace.units(Cidr.parse("2001:db8::/62"), 64)).isEqualTo(4);
    }
}
