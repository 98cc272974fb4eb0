package dev.kumo.store.image;

import dev.kumo.core.image.store.ImageMemberRepository;
import dev.kumo.core.image.store.ImageRepository;
import dev.kumo.core.image.store.ImageTaskRepository;
import dev.kumo.core.image.store.ImageTx;
import org.jdbi.v3.core.Handle;

/** The image repositories over one handle whose transaction {@link SqlImageStore} opened. */
final class SqlImageTx implements ImageTx {
    private final Handle handle;

    SqlImageTx(Handle handle) {
        this.handle = handle;
    }

    @Override
    public ImageRepository images() {
        return new SqlImageRepository(handle);
    }

    @Override
    public ImageMemberRepository members() {
        return new SqlImageMemberRepository(handle);
    }

    @Override
    public ImageTaskRepository tasks() {
        return new SqlImageTaskRepository(handle);
    }
}
