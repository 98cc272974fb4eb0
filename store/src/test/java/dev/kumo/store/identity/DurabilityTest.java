package dev.kumo.store.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.model.identity.Domain;
import dev.kumo.store.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that {@link SqlIdentityStore#write} acknowledged survives kill -9 of the process that made it: a
 * child JVM ({@link DurabilityWriter}) writes in a loop, printing each acknowledged id, and is killed while
 * writing; every id it printed must then be in the database.
 */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKill9() throws Exception {
        Path file = dir.resolve("kumo.db");
        Path stderr = dir.resolve("writer.err");
        Process writer = new ProcessBuilder(javaCommand(), "--enable-native-access=ALL-UNNAMED", "-cp", testClassPath(),
                DurabilityWriter.class.getName(), file.toString())
                .redirectError(stderr.toFile())
                .start();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        Thread collector = new Thread(() -> collect(writer.getInputStream(), acknowledged, first), "durability-stdout");
        collector.start();
        try {
            assertThat(first.await(20, TimeUnit.SECONDS))
                    .as("the writer acknowledged a write; its stderr: %s", Files.readString(stderr))
                    .isTrue();
            Thread.sleep(1000);
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no closing of the database
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            collector.join(10_000);
        }
        assertThat(writer.exitValue()).isEqualTo(137); // 128 + SIGKILL: it was killed, it did not stop by itself

        try (Database db = Database.sqlite(file)) {
            Set<String> stored = new SqlIdentityStore(db).read(tx -> tx.domains().all()).stream()
                    .map(Domain::id).collect(Collectors.toSet());
            assertThat(acknowledged).isNotEmpty();
            assertThat(stored).containsAll(acknowledged);
            System.out.printf("DurabilityTest: all %d acknowledged writes survived kill -9 (%d stored)%n",
                    acknowledged.size(), stored.size());
        }
    }

    /** Only lines ended by a newline count: the kill may cut the last one short. */
    private static void collect(InputStream out, List<String> acknowledged, CountDownLatch first) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (out) {
            int b;
            while ((b = out.read()) != -1) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.startsWith(DurabilityWriter.PREFIX)) {
                    acknowledged.add(text.substring(DurabilityWriter.PREFIX.length()));
                    first.countDown();
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child dies; what was read so far is what counts.
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; this property has the real class path. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
