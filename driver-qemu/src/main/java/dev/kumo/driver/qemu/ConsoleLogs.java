package dev.kumo.driver.qemu;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The serial console log QEMU appends to. It is bounded at each (re)start and, while the guest runs, by the
 * driver's periodic sweep: a log above the limit becomes the one previous log ({@code console.log.0},
 * replacing an older one) and the current one starts empty. Reads take only
 * the tail, so a big log costs little.
 */
final class ConsoleLogs {
    private ConsoleLogs() {}

    static void rotateIfLarger(InstanceFiles files, long limitBytes) throws IOException {
        Path log = files.consoleLog();
        if (Files.exists(log) && Files.size(log) > limitBytes) {
            Files.move(log, files.previousConsoleLog(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Bounds the log of a running guest: above the limit, its content becomes the previous log and the file is
     * truncated in place. QEMU opened it with {@code append=on} (O_APPEND), so its next write lands at the new
     * end; what it writes between the copy and the truncation is lost, a few bytes at most.
     */
    static void boundWhileRunning(InstanceFiles files, long limitBytes) throws IOException {
        Path log = files.consoleLog();
        if (Files.exists(log) && Files.size(log) > limitBytes) {
            Files.copy(log, files.previousConsoleLog(), StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
        }
    }

    /** The last {@code maxLines} lines (all of the last {@code maxBytes} when {@code maxLines <= 0}). */
    static String tail(Path log, int maxLines, long maxBytes) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] bytes;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - maxBytes);
            bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (maxLines <= 0) {
            return text;
        }
        // the last maxLines pieces between newlines, as Nova tails a console log (the final newline counts)
        List<String> pieces = List.of(text.split("\n", -1));
        return String.join("\n", pieces.subList(Math.max(0, pieces.size() - maxLines), pieces.size()));
    }
}
