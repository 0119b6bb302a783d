package dev.users.app.axon;

import dev.users.signals.Occurrences;
import org.springframework.stereotype.Component;

/**
 * The event appends of this node, each counted once it has committed ({@link AppendSignallingEventStore}), so that a
 * {@link StoreEventStream} reads the store right after a write instead of on a timer.
 */
@Component
public class LocalAppends {

    private final Occurrences appends = new Occurrences();

    /** How many appends have committed so far. */
    long count() {
        return appends.count();
    }

    /** Waits until an append after the {@code seen}-th commits, or {@code nanos} pass. */
    void awaitAfter(long seen, long nanos) throws InterruptedException {
        appends.awaitAfter(seen, nanos);
    }

    void appended() {
        appends.occurred();
    }
}
