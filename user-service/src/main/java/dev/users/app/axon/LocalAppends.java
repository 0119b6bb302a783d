package dev.users.app.axon;

import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Counts the event appends of this node, each once it has committed ({@link AppendSignallingEventStore}), so that a
 * {@link StoreEventStream} reads the store right after a write instead of on a timer.
 */
@Component
public class LocalAppends {

    private final Object monitor = new Object();
    private long appends;

    /** How many appends have committed so far. */
    long count() {
        synchronized (monitor) {
            return appends;
        }
    }

    /** Waits until an append after the {@code seen}-th commits, or {@code nanos} pass. */
    void awaitAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (monitor) {
            long left = nanos;
            while (appends == seen && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
                left = deadline - System.nanoTime();
            }
        }
    }

    void appended() {
        synchronized (monitor) {
            appends++;
            monitor.notifyAll();
        }
    }
}
