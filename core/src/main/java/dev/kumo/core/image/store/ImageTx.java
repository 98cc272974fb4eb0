package dev.kumo.core.image.store;

/** The image repositories, bound to one transaction. */
public interface ImageTx {
    ImageRepository images();

    ImageMemberRepository members();

    ImageTaskRepository tasks();
}
