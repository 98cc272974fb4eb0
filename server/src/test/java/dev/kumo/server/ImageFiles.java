package dev.kumo.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Real disk images for tests: a qcow2 made by {@code qemu-img create}, and raw random bytes. */
final class ImageFiles {
    private ImageFiles() {}

    static byte[] qcow2(String virtualSize) {
        try {
            Path dir = Files.createTempDirectory("kumo-qcow2");
            Path file = dir.resolve("disk.qcow2");
            var process = new ProcessBuilder(List.of("qemu-img", "create", "-f", "qcow2", file.toString(), virtualSize))
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("qemu-img create failed: " + out);
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String md5(byte[] data) {
        return hex("MD5", data);
    }

    static String sha512(byte[] data) {
        return hex("SHA-512", data);
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
