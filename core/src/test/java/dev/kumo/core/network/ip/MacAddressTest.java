package dev.kumo.core.network.ip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {
    @Test
    void normalisesToLowercaseColons() {
        assertThat(MacAddress.normalise("FA:16:3E:AA:BB:CC")).contains("fa:16:3e:aa:bb:cc");
        assertThat(MacAddress.normalise("fa-16-3e-aa-bb-cc")).contains("fa:16:3e:aa:bb:cc");
        assertThat(MacAddress.normalise("fa163eaabbcc")).contains("fa:16:3e:aa:bb:cc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fa:16:3e:aa:bb", "fa:16:3e:aa:bb:cc:dd", "zz:16:3e:aa:bb:cc", "00:00:00:00:00:00",
            "ff:ff:ff:ff:ff:ff", "01:00:5e:00:00:01", "fa:16:3e-aa-bb-cc", "fa:163e:aa:bb:cc"})
    void refusesWhatNoPortMayHave(String text) {
        assertThat(MacAddress.normalise(text)).isEmpty();
    }

    @Test
    void randomOnesHaveTheOpenStackPrefix() {
        String mac = MacAddress.random();
        assertThat(mac).startsWith("fa:16:3e:").hasSize(17);
        assertThat(MacAddress.normalise(mac)).contains(mac);
    }

    @Test
    void eui64FlipsTheUniversalBitAndInsertsFffe() {
        // RFC 4291 appendix A: 34-56-78-9A-BC-DE -> 3656:78ff:fe9a:bcde
        assertThat(Long.toHexString(MacAddress.eui64InterfaceId("34:56:78:9a:bc:de"))).isEqualTo("365678fffe9abcde");
        assertThat(Long.toUnsignedString(MacAddress.eui64InterfaceId("fa:16:3e:00:00:01"), 16)).isEqualTo("f8163efffe000001");
    }
}
