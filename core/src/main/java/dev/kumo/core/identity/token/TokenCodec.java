package dev.kumo.core.identity.token;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@link TokenPayload} into an opaque, unguessable, tamper-proof string and back: AES-256-GCM
 * over a compact binary payload, base64url without padding. Anything that does not decrypt and parse
 * under the key is simply not a token.
 */
public final class TokenCodec {
    /** Version 2 added the trust id; version 1 tokens (no trust) are still read. */
    private static final byte VERSION = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TokenCodec(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("token key must be 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** A new random audit id, as Keystone makes them: 16 random bytes, base64url, 22 characters. */
    public String newAuditId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return B64.encodeToString(id);
    }

    public String encode(TokenPayload payload) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(serialize(payload));
            return B64.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public Optional<TokenPayload> decode(String token) {
        if (token == null || token.length() < 40 || token.length() > 2048) {
            return Optional.empty();
        }
        try {
            byte[] raw = B64D.decode(token);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            return Optional.of(deserialize(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES)));
        } catch (IllegalArgumentException | GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] serialize(TokenPayload p) {
        var bytes = new ByteArrayOutputStream(160);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(p.userId());
            int methods = 0;
            for (AuthMethod m : p.methods()) {
                methods |= 1 << m.ordinal();
            }
            out.writeByte(methods);
            out.writeByte(p.scope().kind().ordinal());
            out.writeUTF(nullToEmpty(p.scope().id()));
            out.writeLong(p.issuedAt().toEpochMilli());
            out.writeLong(p.expiresAt().toEpochMilli());
            out.writeUTF(p.auditId());
            out.writeUTF(nullToEmpty(p.parentAuditId()));
            out.writeUTF(nullToEmpty(p.applicationCredentialId()));
            out.writeUTF(nullToEmpty(p.trustId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static TokenPayload deserialize(byte[] plain) throws IOException {
        var in = new DataInputStream(new ByteArrayInputStream(plain));
        byte version = in.readByte();
        if (version != 1 && version != VERSION) {
            throw new IOException("unknown token version " + version);
        }
        String userId = in.readUTF();
        int bits = in.readByte();
        Set<AuthMethod> methods = EnumSet.noneOf(AuthMethod.class);
        for (AuthMethod m : AuthMethod.values()) {
            if ((bits & (1 << m.ordinal())) != 0) {
                methods.add(m);
            }
        }
        TokenScope.Kind kind = TokenScope.Kind.values()[in.readByte()];
        String scopeId = emptyToNull(in.readUTF());
        Instant issued = Instant.ofEpochMilli(in.readLong());
        Instant expires = Instant.ofEpochMilli(in.readLong());
        String audit = in.readUTF();
        String parent = emptyToNull(in.readUTF());
        String appCred = emptyToNull(in.readUTF());
        String trust = version >= 2 ? emptyToNull(in.readUTF()) : null;
        return new TokenPayload(userId, methods, new TokenScope(kind, scopeId), issued, expires, audit, parent, appCred,
                trust);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
