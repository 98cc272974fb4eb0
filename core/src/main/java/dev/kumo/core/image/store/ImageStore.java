package dev.kumo.core.image.store;

import java.util.function.Function;

/**
 * Runs work against the image tables. {@link #write} runs in one serialised transaction that commits when the
 * function returns and rolls back when it throws (rethrowing unchanged); {@link #read} sees committed data in
 * one consistent snapshot. Neither may nest in the other; no blocking call other than the database belongs
 * inside (image bytes move outside transactions).
 */
public interface ImageStore {
    <T> T read(Function<ImageTx, T> work);

    <T> T write(Function<ImageTx, T> work);
}
