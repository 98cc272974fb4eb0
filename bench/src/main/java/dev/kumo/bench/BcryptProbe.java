package dev.kumo.bench;

import dev.kumo.core.identity.password.PasswordHasher;
import java.util.Arrays;

/**
 * The price of one bcrypt verification at the server's cost, measured in this JVM with kumo's own
 * {@link PasswordHasher}: the floor under every password authentication.
 */
final class BcryptProbe {
    private static final int WARM_UP = 5;

    private BcryptProbe() {}

    /**
     * The median and fastest of {@code rounds} verifications. The median is what is compared with the
     * server's p50; it also ignores rounds slowed down by other work on a shared machine, as a mean would not.
     */
    record Result(int cost, int rounds, double medianMillis, double fastestMillis) {
        double maxPerSecond(int cores) {
            return cores * 1000.0 / medianMillis;
        }
    }

    static Result measure(int cost, int rounds) {
        var hasher = new PasswordHasher(cost);
        String password = "correct horse battery staple";
        String hash = hasher.hash(password);
        for (int i = 0; i < WARM_UP; i++) {
            check(hasher.verify(password, hash));
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            check(hasher.verify(password, hash));
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new Result(cost, rounds, millis[rounds / 2], millis[0]);
    }

    private static void check(boolean verified) {
        if (!verified) {
            throw new IllegalStateException("PasswordHasher did not verify the password it had just hashed");
        }
    }
}
