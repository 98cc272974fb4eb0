package dev.kumo.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What {@link Database} promises on PostgreSQL beyond what the identity contract already covers. */
@Tag("postgres")
class PostgresDatabaseTest {
    @Test
    void readsAreRepeatableReadAndReadOnlyAndWritesAreReadCommitted() throws Exception {
        PostgresTestSchema schema = PostgresTestSchema.create();
        try (Database db = schema.open()) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
            assertThat(db.reader()).isSameAs(db.writer());
            String mode = "SELECT current_setting('transaction_isolation') || ' ' || current_setting('transaction_read_only')";
            String read = db.inReadTransaction(h -> h.createQuery(mode).mapTo(String.class).one());
            String write = db.inWriteTransaction(h -> h.createQuery(mode).mapTo(String.class).one());
            int locks = db.inWriteTransaction(h -> h.createQuery(
                    "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
                    .mapTo(Integer.class).one());
            assertThat(read).isEqualTo("repeatable read on");
            assertThat(write).isEqualTo("read committed off");
            assertThat(locks).isEqualTo(1);
        } finally {
            schema.drop();
        }
    }
}
