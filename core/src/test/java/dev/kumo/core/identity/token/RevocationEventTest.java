package dev.kumo.core.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevocationEventTest {
    private static TokenPayload token(String user, String project, long issuedMs, String audit) {
        return new TokenPayload(user, Set.of(AuthMethod.PASSWORD), TokenScope.project(project),
                Instant.ofEpochMilli(issuedMs), Instant.ofEpochMilli(issuedMs + 3_600_000), audit, null, null, null);
    }

    @Test
    void userEventRevokesThatUsersEarlierTokensOnly() {
        var event = new RevocationEvent(null, "alice", null, null, Instant.ofEpochMilli(5_000));
        assertThat(event.revokes(token("alice", "p", 4_000, "a1"))).isTrue();
        assertThat(event.revokes(token("alice", "p", 5_000, "a1"))).isTrue();
        assertThat(event.revokes(token("alice", "p", 6_000, "a1"))).isFalse();
        assertThat(event.revokes(token("bob", "p", 4_000, "a1"))).isFalse();
    }

    @Test
    void auditEventRevokesOneTokenNotItsChildren() {
        var event = new RevocationEvent("a1", null, null, null, Instant.ofEpochMilli(5_000));
        assertThat(event.revokes(token("alice", "p", 4_000, "a1"))).isTrue();
        var child = new TokenPayload("alice", Set.of(AuthMethod.TOKEN), TokenScope.UNSCOPED, Instant.ofEpochMilli(4_500),
                Instant.ofEpochMilli(9_000), "a2", "a1", null, null);
        assertThat(event.revokes(child)).isFalse();
    }

    @Test
    void projectEventMatchesOnlyTokensScopedToIt() {
        var event = new RevocationEvent(null, null, "p", null, Instant.ofEpochMilli(5_000));
        assertThat(event.revokes(token("alice", "p", 4_000, "a1"))).isTrue();
        assertThat(event.revokes(token("alice", "q", 4_000, "a1"))).isFalse();
    }
}
