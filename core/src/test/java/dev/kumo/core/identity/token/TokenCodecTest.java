package dev.kumo.core.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
    private final TokenCodec codec = new TokenCodec(TokenCodec.newKey());
    private final TokenPayload payload = new TokenPayload("u1", EnumSet.of(AuthMethod.PASSWORD, AuthMethod.TOKEN),
            TokenScope.project("p1"), Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(3_601_000),
            codec.newAuditId(), "parent-audit", null, "trust-1");

    @Test
    void roundTripsEveryField() {
        assertThat(codec.decode(codec.encode(payload))).contains(payload);
    }

    @Test
    void sameInputGivesDifferentTokens() {
        assertThat(codec.encode(payload)).isNotEqualTo(codec.encode(payload));
    }

    @Test
    void tamperedOrForeignTokensAreNotTokens() {
        String token = codec.encode(payload);
        char last = token.charAt(token.length() - 5);
        String tampered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);
        assertThat(codec.decode(tampered)).isEmpty();
        assertThat(new TokenCodec(TokenCodec.newKey()).decode(token)).isEmpty();
        assertThat(codec.decode("not a token at all, not even base64 ~~~~~~~~~~~~~~~~~~~")).isEmpty();
        assertThat(codec.decode(null)).isEmpty();
    }

    @Test
    void auditIdsLookLikeKeystones() {
        assertThat(codec.newAuditId()).matches("[A-Za-z0-9_-]{22}");
    }
}
