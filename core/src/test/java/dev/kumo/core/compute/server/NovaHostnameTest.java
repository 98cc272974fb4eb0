package dev.kumo.core.compute.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NovaHostnameTest {
    @Test
    void sanitisesAsNovaDoes() {
        assertThat(NovaHostname.of("VM 1_test", "id")).isEqualTo("vm-1-test");
        assertThat(NovaHostname.of("web.example.com", "id")).isEqualTo("web-example-com");
        assertThat(NovaHostname.of("--a$b!c--", "id")).isEqualTo("abc");
        assertThat(NovaHostname.of("x".repeat(70), "id")).hasSize(63);
    }

    @Test
    void fallsBackToServerIdWhenNothingIsLeft() {
        assertThat(NovaHostname.of("$$$", "1234")).isEqualTo("Server-1234");
        assertThat(NovaHostname.of("日本", "1234")).isEqualTo("Server-1234");
    }
}
