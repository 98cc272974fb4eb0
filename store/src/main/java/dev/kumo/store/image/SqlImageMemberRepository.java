package dev.kumo.store.image;

import dev.kumo.core.image.store.ImageMemberRepository;
import dev.kumo.model.image.ImageMember;
import dev.kumo.model.image.MemberStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Rows of {@code image_member}. */
final class SqlImageMemberRepository implements ImageMemberRepository {
    private static final RowMapper<ImageMember> MAPPER = (rs, ctx) -> new ImageMember(rs.getString("image_id"),
            rs.getString("member_id"), MemberStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
            Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Handle handle;

    SqlImageMemberRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<ImageMember> find(String imageId, String memberId) {
        return handle.createQuery("SELECT * FROM image_member WHERE image_id = :image AND member_id = :member")
                .bind("image", imageId).bind("member", memberId).map(MAPPER).findOne();
    }

    @Override
    public List<ImageMember> list(String imageId) {
        return handle.createQuery("SELECT * FROM image_member WHERE image_id = :image ORDER BY created_at, member_id")
                .bind("image", imageId).map(MAPPER).list();
    }

    @Override
    public int count(String imageId) {
        return handle.createQuery("SELECT COUNT(*) FROM image_member WHERE image_id = :image")
                .bind("image", imageId).mapTo(Integer.class).one();
    }

    @Override
    public void insert(ImageMember m) {
        handle.createUpdate("""
                        INSERT INTO image_member (image_id, member_id, status, created_at, updated_at)
                        VALUES (:image, :member, :status, :created, :updated)""")
                .bind("image", m.imageId()).bind("member", m.memberId()).bind("status", m.status().wire())
                .bind("created", m.createdAt().toEpochMilli()).bind("updated", m.updatedAt().toEpochMilli())
                .execute();
    }

    @Override
    public void update(ImageMember m) {
        handle.createUpdate("""
                        UPDATE image_member SET status = :status, updated_at = :updated
                        WHERE image_id = :image AND member_id = :member""")
                .bind("image", m.imageId()).bind("member", m.memberId()).bind("status", m.status().wire())
                .bind("updated", m.updatedAt().toEpochMilli()).execute();
    }

    @Override
    public void delete(String imageId, String memberId) {
        handle.createUpdate("DELETE FROM image_member WHERE image_id = :image AND member_id = :member")
                .bind("image", imageId).bind("member", memberId).execute();
    }
}
