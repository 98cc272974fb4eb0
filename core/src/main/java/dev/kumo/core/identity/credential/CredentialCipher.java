package dev.kumo.core.identity.credential;

import dev.kumo.core.identity.store.IdentityStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals credential blobs (and other stored secrets, such as a domain's LDAP password) with AES-256-GCM, as
 * Keystone encrypts them with its credential key: the store only ever holds the sealed text, so a copy of the
 * table, a backup or a query log does not give the secrets away. The id of the row a secret belongs to is
 * bound in as associated data, so a sealed value moved to another row does not open. {@link #keyHash()} names
 * the key (SHA-256 of it, in hex) so a value sealed with another key
 * is recognised rather than mistaken for corruption. Thread-safe.
 */
public final class CredentialCipher {
    /** The name under which the key is kept in the store's shared secrets. */
    public static final String SECRET_NAME = "credential.key";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyHash;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the credential key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyHash = sha256Hex(key);
    }

    /**
     * The cloud's credential key, made on first use and kept with the other shared secrets so that every node
     * of a cloud has it and it survives restarts.
     */
    public static CredentialCipher loadOrCreate(IdentityStore store) {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        String stored = store.write(tx -> tx.secrets().putIfAbsent(SECRET_NAME, Base64.getEncoder().encodeToString(fresh)));
        return new CredentialCipher(Base64.getDecoder().decode(stored));
    }

    public String keyHash() {
        return keyHash;
    }

    /** {@code secret} sealed for the row {@code rowId} (e.g. a credential's id): base64 of nonce and ciphertext. */
    public String seal(String rowId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    /**
     * The secret {@link #seal} sealed for {@code rowId} under the key named {@code sealedWithKeyHash}.
     *
     * @throws IllegalStateException when another key sealed it, or it was altered or moved to another row
     */
    public String open(String rowId, String sealedWithKeyHash, String sealed) {
        if (!keyHash.equals(sealedWithKeyHash)) {
            throw new IllegalStateException("the secret of " + rowId + " was sealed with another key (hash "
                    + sealedWithKeyHash + "), not with this cloud's credential key (hash " + keyHash + ")");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalStateException("the sealed secret of " + rowId
                    + " does not open with this cloud's credential key: it was altered or belongs to another row", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
