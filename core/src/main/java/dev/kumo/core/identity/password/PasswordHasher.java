package dev.kumo.core.identity.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt with a configurable cost. Passwords longer than bcrypt's 72 bytes are pre-hashed with SHA-512
 * rather than silently truncated, so every character counts.
 */
public final class PasswordHasher {
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifier = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));

    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, got " + cost);
        }
        this.cost = cost;
    }

    public String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    /** Constant-time; false for a null or malformed hash. */
    public boolean verify(String password, String hash) {
        if (hash == null || password == null) {
            return false;
        }
        return verifier.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
