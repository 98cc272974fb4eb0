package dev.kumo.api.compute;

import java.security.SecureRandom;

/** The {@code adminPass} Nova returns when a create or rebuild gives none: 12 unambiguous letters and digits. */
final class AdminPasswords {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminPasswords() {}

    static String generate() {
        var sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
