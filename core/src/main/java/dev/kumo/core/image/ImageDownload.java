package dev.kumo.core.image;

import dev.kumo.model.image.Image;
import java.io.InputStream;

/**
 * Bytes {@code offset} to {@code offset + length - 1} of an image whose data has {@code total} bytes; the caller
 * must close {@code data}.
 */
public record ImageDownload(Image image, InputStream data, long offset, long length, long total) {}
