package dev.users.signals;

import java.util.concurrent.TimeUnit;

/**
 * Counts occurrences of something (a commit, an append) that other threads wait for: a waiter reads the count, checks
 * what it needs, and if that is not there yet waits for the count to move on. Reading the count before the check means
 * an occurrence between check and wait is never missed.
 */
public final class Occurrences {

    private final Object monitor = new Object();
    private long count;

    /** How many occurrences so far. */
    public long count() {
        synchronized (monitor) {
            return count;
        }
    }

    /** Records one occurrence and wakes every waiter. */
    public void occurred() {
        synchronized (monitor) {
            count++;
            monitor.notifyAll();
        }
    }

    /** Records one occurrence after {@code update} ran, under the same lock as the count (waiters see both or none). */
    public void occurred(Runnable update) {
        synchronized (monitor) {
            update.run();
            count++;
            monitor.notifyAll();
        }
    }

    /** Waits until the count is past {@code seen}, or {@code nanos} pass. */
    public void awaitAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (monitor) {
            long left = nanos;
            while (count == seen && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
                left = deadline - System.nanoTime();
            }
        }
    }
}
