package dev.kumo.dataplane;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** OpenSSH's client, run inside the lab namespace with a key the test generated. */
final class SshClient {
    private final LabNetwork lab;
    private final Path privateKey;

    SshClient(LabNetwork lab, Path privateKey) {
        this.lab = Objects.requireNonNull(lab, "lab");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Generates an ed25519 key pair at {@code path} (and {@code path}.pub). */
    static Path generateKey(Path path) {
        HostCommand.run(Duration.ofSeconds(30), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kumo-dataplane-test",
                "-f", path.toString()).orThrow();
        return path;
    }

    HostCommand.Result run(String user, String host, String command) {
        List<String> ssh = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-i", privateKey.toString(),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "ConnectTimeout=2", "-o", "LogLevel=ERROR", user + "@" + host, command));
        return HostCommand.run(Duration.ofSeconds(20), lab.inNamespace(ssh));
    }

    /** Retries a trivial command until the guest accepts the key; fails after {@code timeout}. */
    void awaitLogin(String user, String host, Duration timeout, ConsoleLog console) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HostCommand.Result last;
        do {
            last = run(user, host, "true");
            if (last.succeeded()) {
                return;
            }
            pause();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("ssh " + user + "@" + host + " did not succeed within " + timeout.toSeconds() + " s (last: "
                + last.output().strip() + "); console ends with:\n" + console.tail());
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
