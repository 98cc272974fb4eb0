package dev.kumo.spi.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Tells what disk format a file's content really is, whatever it was labelled. Reads the file only; safe to call
 * concurrently on different files. Implementations must not trust the content: a probe of hostile data must not
 * read other files (a qcow2 backing file) or run for long.
 */
public interface DiskFormatInspector {
    /**
     * @return the detected format in Glance's vocabulary ({@code raw}, {@code qcow2}, {@code vmdk}, {@code vdi},
     *         {@code vhd}, {@code vhdx}, {@code iso}, ...), its virtual size, and whether it refers to other files
     * @throws IOException when the file cannot be inspected at all (tool missing, timeout)
     */
    DiskFormat inspect(Path file) throws IOException;

    /**
     * @param format         Glance's name for the detected format
     * @param virtualSize    the disk size the format describes, or null
     * @param referencesFiles true when the image names a backing or data file (refused: it could expose host files)
     */
    record DiskFormat(String format, Long virtualSize, boolean referencesFiles) {}
}
