package dev.kumo.core.compute.console;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.server.VmState;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.VirtDriver;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nova's remote consoles, serial only (kumo's guests have no display): a request for a running server's
 * serial console yields a random token that opens it once, within {@link #TOKEN_LIFETIME} (Nova's
 * {@code consoleauth.token_ttl} is 10 minutes). Tokens live in memory: a restart of kumo invalidates them,
 * and a client simply asks for a new URL.
 */
public final class RemoteConsoles {
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ComputeStore store;
    private final VirtDriver driver;
    private final Clock clock;
    private final Map<String, ConsoleGrant> grants = new ConcurrentHashMap<>();

    public RemoteConsoles(ComputeStore store, VirtDriver driver, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for the server's serial console; 400 for other protocols and types, 409 unless it runs. */
    public String serial(ComputeCaller caller, String id, String protocol, String type) {
        if (!"serial".equals(protocol) || !"serial".equals(type)) {
            throw ComputeErrors.badRequest("Unavailable console type %s.", type == null ? protocol : type);
        }
        Server s = store.read(tx -> tx.servers().find(id)).filter(x -> caller.owns(x.projectId()))
                .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
        if (s.vmState() != VmState.ACTIVE || s.host() == null) {
            throw ComputeErrors.conflict("Instance %s is not ready: it is in vm_state %s.", id, s.vmState().wire());
        }
        Path socket = driver.serialConsole(new InstanceRef(s.id(), s.host()))
                .orElseThrow(() -> ComputeErrors.badRequest("Unavailable console type serial."));
        expire();
        String token = HexFormat.of().formatHex(bytes());
        grants.put(token, new ConsoleGrant(s.id(), socket, clock.instant().plus(TOKEN_LIFETIME)));
        return token;
    }

    /** Uses up the token: the grant if it is known and not expired, else empty (also for a second use). */
    public Optional<ConsoleGrant> redeem(String token) {
        if (token == null) {
            return Optional.empty();
        }
        ConsoleGrant grant = grants.remove(token);
        return grant == null || grant.expiresAt().isBefore(clock.instant()) ? Optional.empty() : Optional.of(grant);
    }

    private void expire() {
        var now = clock.instant();
        grants.values().removeIf(g -> g.expiresAt().isBefore(now));
    }

    private static byte[] bytes() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }
}
