package dev.kumo.core.compute.keypair;

import dev.kumo.core.compute.ComputeErrors;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * OpenSSH key formats with the JDK alone: generates RSA keys as Nova does (PKCS#1 PEM private key, which
 * {@code ssh -i} reads; {@code ssh-rsa} public key), parses imported public keys, and computes Nova's
 * fingerprint (MD5 of the key blob, colon-separated hex).
 */
final class SshKeys {
    private static final Set<String> TYPES = Set.of("ssh-rsa", "ssh-ed25519", "ssh-dss", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    private SshKeys() {}

    record Generated(String publicKey, String privateKeyPem) {}

    static Generated generateRsa(String comment) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var pub = (RSAPublicKey) pair.getPublic();
            var blob = new ByteArrayOutputStream();
            var out = new DataOutputStream(blob);
            writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            writeString(out, pub.getPublicExponent().toByteArray());
            writeString(out, pub.getModulus().toByteArray());
            String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " " + comment;
            byte[] pkcs1 = pkcs1FromPkcs8(pair.getPrivate().getEncoded());
            String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1)
                    + "\n-----END RSA PRIVATE KEY-----\n";
            return new Generated(publicKey, pem);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /** Nova's fingerprint of an OpenSSH public key line; a key that does not parse is a 400 with Nova's words. */
    static String fingerprint(String publicKey) {
        byte[] blob = blob(publicKey);
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
            String hex = HexFormat.of().formatHex(md5);
            var sb = new StringBuilder();
            for (int i = 0; i < hex.length(); i += 2) {
                sb.append(i == 0 ? "" : ":").append(hex, i, i + 2);
            }
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] blob(String publicKey) {
        String[] parts = publicKey == null ? new String[0] : publicKey.trim().split("\\s+");
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            throw invalid();
        }
        try {
            byte[] blob = Base64.getDecoder().decode(parts[1]);
            var buffer = ByteBuffer.wrap(blob);
            int length = buffer.getInt();
            if (length <= 0 || length > blob.length - 4
                    || !new String(blob, 4, length, StandardCharsets.US_ASCII).equals(parts[0])) {
                throw invalid();
            }
            return blob;
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return ComputeErrors.badRequest("Keypair data is invalid: failed to generate fingerprint");
    }

    private static void writeString(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** PKCS#8 wraps the PKCS#1 key: SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }. */
    private static byte[] pkcs1FromPkcs8(byte[] der) {
        int[] pos = {0};
        header(der, pos); // outer SEQUENCE
        int version = header(der, pos); // version INTEGER (header() moves pos, so read it before adding)
        pos[0] += version;
        int algorithm = header(der, pos); // AlgorithmIdentifier
        pos[0] += algorithm;
        int length = header(der, pos); // OCTET STRING
        return Arrays.copyOfRange(der, pos[0], pos[0] + length);
    }

    /** Reads a DER tag and length at pos, leaves pos at the content, returns the content length. */
    private static int header(byte[] der, int[] pos) {
        pos[0]++;
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        int length = new BigInteger(1, Arrays.copyOfRange(der, pos[0], pos[0] + n)).intValue();
        pos[0] += n;
        return length;
    }
}
