package dev.kumo.core.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = filled(7);

    private final CredentialCipher cipher = new CredentialCipher(KEY);

    @Test
    void sealedSecretsOpenForTheirRowOnlyAndHideTheText() {
        String sealed = cipher.seal("c1", "{\"secret\": \"hunter2\"}");
        assertThat(sealed).doesNotContain("hunter2");
        assertThat(new String(Base64.getDecoder().decode(sealed))).doesNotContain("hunter2");
        assertThat(cipher.open("c1", cipher.keyHash(), sealed)).isEqualTo("{\"secret\": \"hunter2\"}");
        assertThat(cipher.seal("c1", "same")).as("a fresh nonce each time").isNotEqualTo(cipher.seal("c1", "same"));
        assertThatThrownBy(() -> cipher.open("c2", cipher.keyHash(), sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("belongs to another row");
    }

    @Test
    void anotherKeyOrATamperedValueIsRefusedWithAReason() {
        var other = new CredentialCipher(OTHER_KEY);
        assertThat(other.keyHash()).isNotEqualTo(cipher.keyHash()).matches("[0-9a-f]{64}");
        String sealed = other.seal("c1", "x");
        assertThatThrownBy(() -> cipher.open("c1", other.keyHash(), sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sealed with another key");
        byte[] raw = Base64.getDecoder().decode(cipher.seal("c1", "secret"));
        raw[raw.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open("c1", cipher.keyHash(), tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("c1", cipher.keyHash(), "not base64!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysMustBe256Bits() {
        assertThatThrownBy(() -> new CredentialCipher(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 32 bytes");
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
