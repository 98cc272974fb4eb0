package dev.kumo.store.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes several digests of one stream at once, each on its own thread, while the caller keeps reading
 * and writing: md5 and sha512 of an image cost more CPU than copying it, and in series they halved upload
 * throughput. Chunks come from a small pool ({@link #take()}), go to every digest ({@link #submit}), and
 * return to the pool when the last digest is done with them, so memory stays at {@code chunks × size}.
 * Not thread-safe for callers: one thread takes and submits.
 */
final class ParallelDigests implements AutoCloseable {
    /** A pooled buffer holding {@code length} bytes of the stream. */
    static final class Chunk {
        final byte[] bytes;
        int length;
        private final AtomicInteger pending = new AtomicInteger();

        private Chunk(int size) {
            this.bytes = new byte[size];
        }
    }

    private static final Chunk END = new Chunk(0);

    private final BlockingQueue<Chunk> pool;
    private final List<Worker> workers;

    ParallelDigests(int chunks, int chunkSize, String... algorithms) {
        pool = new ArrayBlockingQueue<>(chunks);
        for (int i = 0; i < chunks; i++) {
            pool.add(new Chunk(chunkSize));
        }
        workers = java.util.Arrays.stream(algorithms).map(a -> new Worker(digest(a), chunks, pool)).toList();
        workers.forEach(w -> w.thread.start());
    }

    /** A free chunk to read into; waits while every chunk is still being digested. */
    Chunk take() throws InterruptedException {
        return pool.take();
    }

    /** Hands a filled chunk to every digest; it returns to the pool once all have read it. */
    void submit(Chunk chunk) throws InterruptedException {
        chunk.pending.set(workers.size());
        for (Worker w : workers) {
            w.queue.put(chunk);
        }
    }

    /** Gives back a chunk that was taken but not submitted (end of stream). */
    void release(Chunk chunk) {
        pool.add(chunk);
    }

    /** Waits for every digest to see all submitted data; the hex digests in the order of the algorithms. */
    List<String> finish() throws InterruptedException {
        for (Worker w : workers) {
            w.queue.put(END);
        }
        for (Worker w : workers) {
            w.thread.join();
        }
        return workers.stream().map(w -> HexFormat.of().formatHex(w.digest.digest())).toList();
    }

    /** Stops the digest threads (after a failure, finish() having not been called). */
    @Override
    public void close() {
        workers.forEach(w -> w.thread.interrupt());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    private static final class Worker implements Runnable {
        final MessageDigest digest;
        final BlockingQueue<Chunk> queue;
        final BlockingQueue<Chunk> pool;
        final Thread thread;

        Worker(MessageDigest digest, int capacity, BlockingQueue<Chunk> pool) {
            this.digest = digest;
            this.queue = new ArrayBlockingQueue<>(capacity + 1);
            this.pool = pool;
            this.thread = Thread.ofPlatform().daemon().name("digest-" + digest.getAlgorithm()).unstarted(this);
        }

        @Override
        public void run() {
            try {
                for (Chunk c; (c = queue.take()) != END; ) {
                    digest.update(c.bytes, 0, c.length);
                    if (c.pending.decrementAndGet() == 0) {
                        pool.add(c);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
