package dev.kumo.core.compute.keypair;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.quota.QuotaService;
import dev.kumo.core.compute.store.ComputeStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Keypairs belong to a user; admins may manage another user's with {@code user_id}. */
public final class KeypairService {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9 _.@-]{1,255}");

    private final ComputeStore store;
    private final QuotaService quotas;
    private final Clock clock;

    public KeypairService(ComputeStore store, QuotaService quotas, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Imports {@code publicKey}, or generates a pair when it is null and returns the private key once. */
    public NewKeypair create(ComputeCaller caller, String name, String type, String publicKey, String forUser) {
        String userId = owner(caller, forUser);
        if (name == null || !NAME.matcher(name).matches() || name.isBlank()) {
            throw ComputeErrors.badRequest("Keypair data is invalid: Keypair name contains unsafe characters");
        }
        String keyType = type == null ? "ssh" : type;
        if (!keyType.equals("ssh") && !keyType.equals("x509")) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute type. Value: %s. '%s' is not one of ['ssh', 'x509']", keyType, keyType);
        }
        SshKeys.Generated generated = publicKey == null ? SshKeys.generateRsa("Generated-by-Nova") : null;
        String key = generated == null ? publicKey.trim() : generated.publicKey();
        var keypair = new Keypair(userId, name, keyType, SshKeys.fingerprint(key), key, clock.instant());
        store.write(tx -> {
            if (tx.keypairs().find(userId, name).isPresent()) {
                throw ComputeErrors.conflict("Key pair '%s' already exists.", name);
            }
            quotas.checkKeypairs(tx, caller, userId);
            tx.keypairs().insert(keypair);
            return null;
        });
        return new NewKeypair(keypair, generated == null ? null : generated.privateKeyPem());
    }

    public List<Keypair> list(ComputeCaller caller, String forUser) {
        String userId = owner(caller, forUser);
        return store.read(tx -> tx.keypairs().list(userId));
    }

    public Keypair get(ComputeCaller caller, String name, String forUser) {
        String userId = owner(caller, forUser);
        return store.read(tx -> tx.keypairs().find(userId, name))
                .orElseThrow(() -> ComputeErrors.notFound("Keypair %s not found for user %s", name, userId));
    }

    public void delete(ComputeCaller caller, String name, String forUser) {
        String userId = owner(caller, forUser);
        store.write(tx -> {
            if (!tx.keypairs().delete(userId, name)) {
                throw ComputeErrors.notFound("Keypair %s not found for user %s", name, userId);
            }
            return null;
        });
    }

    private static String owner(ComputeCaller caller, String forUser) {
        if (forUser == null || forUser.equals(caller.userId())) {
            return caller.userId();
        }
        if (!caller.admin()) {
            throw ComputeErrors.policy("os_compute_api:os-keypairs");
        }
        return forUser;
    }
}
