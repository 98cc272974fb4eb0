package dev.kumo.store.compute;

import dev.kumo.core.compute.keypair.Keypair;
import dev.kumo.core.compute.store.KeypairRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

final class SqlKeypairRepository implements KeypairRepository {
    private final Handle handle;

    SqlKeypairRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Keypair> find(String userId, String name) {
        return handle.createQuery("SELECT * FROM compute_keypair WHERE user_id = :u AND name = :n")
                .bind("u", userId).bind("n", name).map(SqlKeypairRepository::row).findOne();
    }

    @Override
    public List<Keypair> list(String userId) {
        return handle.createQuery("SELECT * FROM compute_keypair WHERE user_id = :u ORDER BY name")
                .bind("u", userId).map(SqlKeypairRepository::row).list();
    }

    @Override
    public int count(String userId) {
        return handle.createQuery("SELECT COUNT(*) FROM compute_keypair WHERE user_id = :u").bind("u", userId)
                .mapTo(Integer.class).one();
    }

    @Override
    public void insert(Keypair k) {
        handle.createUpdate("""
                        INSERT INTO compute_keypair (user_id, name, type, fingerprint, public_key, created_at)
                        VALUES (:u, :n, :t, :f, :k, :c)""")
                .bind("u", k.userId()).bind("n", k.name()).bind("t", k.type()).bind("f", k.fingerprint())
                .bind("k", k.publicKey()).bind("c", k.createdAt().toEpochMilli()).execute();
    }

    @Override
    public boolean delete(String userId, String name) {
        return handle.createUpdate("DELETE FROM compute_keypair WHERE user_id = :u AND name = :n")
                .bind("u", userId).bind("n", name).execute() > 0;
    }

    private static Keypair row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Keypair(rs.getString("user_id"), rs.getString("name"), rs.getString("type"),
                rs.getString("fingerprint"), rs.getString("public_key"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
