package dev.kumo.core.network.datapath;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises work per object id without a lock per object: ids hash onto a fixed set of fair locks, so two
 * objects rarely (and harmlessly) share one.
 */
final class StripedLocks {
    private final ReentrantLock[] stripes;

    StripedLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    /**
     * Runs {@code work} holding the id's lock.
     *
     * @return false, without running it, when the lock was not free within {@code wait}
     */
    boolean withLock(String id, Duration wait, Runnable work) {
        ReentrantLock lock = stripes[Math.floorMod(id.hashCode(), stripes.length)];
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.unlock();
        }
    }
}
