package dev.kumo.core.network.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
    @ParameterizedTest
    @CsvSource({
            "10.0.0.1, 10.0.0.1",
            "0.0.0.0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "2001:db8::1, 2001:db8::1",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "::, ::",
            "::1, ::1",
            "fe80::, fe80::",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "::ffff:10.1.2.3, ::ffff:10.1.2.3",
            "2001:db8:1:0:f816:3eff:fe00:1, 2001:db8:1:0:f816:3eff:fe00:1"})
    void parsesAndWritesCanonicalText(String text, String canonical) {
        assertThat(IpAddress.parse(text).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 10.0.0.1", "10.0.0", "10.0.0.256", "10.0.0.01", "10.0.0.1.5", "1::2::3",
            "2001:db8::g", "12345::", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "example.com", "10.0.0.1/24"})
    void refusesWhatIsNotAnAddress(String text) {
        assertThat(IpAddress.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> IpAddress.parse(text)).hasMessage("'" + text + "' is not a valid IP address");
    }

    @Test
    void keysSortLikeTheAddresses() {
        assertThat(IpAddress.parse("10.0.0.9").key()).isEqualTo("0a000009");
        assertThat(IpAddress.parse("10.0.0.10").key()).isGreaterThan(IpAddress.parse("10.0.0.9").key());
        assertThat(IpAddress.parse("2001:db8::1").key()).hasSize(32).endsWith("0001");
    }

    @Test
    void arithmeticAndOrder() {
        IpAddress a = IpAddress.parse("10.0.0.255");
        assertThat(a.plus(1).toString()).isEqualTo("10.0.1.0");
        assertThat(a.lessThan(a.plus(1))).isTrue();
        assertThat(IpAddress.parse("10.0.0.1")).isEqualTo(IpAddress.parse("10.0.0.1"));
    }
}
