package dev.kumo.store.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.spi.image.DiskFormatInspector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code qemu-img info --output json} (Debian package qemu-utils) on a file and maps QEMU's format names
 * to Glance's. {@code qemu-img info} does not open backing files unless asked to, so probing hostile data
 * reads only that file; a run is killed after {@link #TIMEOUT}.
 */
public final class QemuImgInspector implements DiskFormatInspector {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** QEMU's driver names that Glance spells differently. */
    private static final Map<String, String> GLANCE_NAMES = Map.of("vpc", "vhd", "parallels", "ploop");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String executable;

    public QemuImgInspector(String executable) {
        this.executable = executable;
    }

    /** {@code qemu-img} from the PATH. */
    public QemuImgInspector() {
        this("qemu-img");
    }

    @Override
    public DiskFormat inspect(Path file) throws IOException {
        var process = new ProcessBuilder(List.of(executable, "info", "--output", "json", file.toString()))
                .redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] out;
        String err;
        try {
            out = process.getInputStream().readAllBytes();
            err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("qemu-img info did not finish within " + TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for qemu-img info", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("qemu-img info failed (exit " + process.exitValue() + "): " + err);
        }
        return parse(MAPPER.readTree(out));
    }

    static DiskFormat parse(JsonNode info) {
        String qemuFormat = info.path("format").asText("raw");
        Long virtualSize = info.hasNonNull("virtual-size") ? info.get("virtual-size").asLong() : null;
        boolean references = info.hasNonNull("backing-filename") || info.hasNonNull("full-backing-filename")
                || info.path("format-specific").path("data").hasNonNull("data-file");
        return new DiskFormat(GLANCE_NAMES.getOrDefault(qemuFormat, qemuFormat), virtualSize, references);
    }
}
