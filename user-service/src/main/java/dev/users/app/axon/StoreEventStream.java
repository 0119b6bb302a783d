package dev.users.app.axon;

import dev.users.signals.Occurrences;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An event stream read straight from the storage engine: it reads on until the store has nothing more, then reads
 * again as soon as this node commits an append ({@link AppendSignallingEventStore}) or, for appends of other nodes,
 * after {@code pollNanos}. Each read starts from the token of the last event handed out, gaps included, as Axon's own
 * private streams do.
 */
final class StoreEventStream implements BlockingStream<TrackedEventMessage<?>> {

    private final EventStorageEngine storage;
    private final Occurrences appends;
    private final long pollNanos;

    private TrackingToken lastToken;
    private Stream<? extends TrackedEventMessage<?>> stream;
    private Iterator<? extends TrackedEventMessage<?>> events;
    private boolean exhausted = true;
    private long readAfterAppend = -1;
    private long readAt;
    private TrackedEventMessage<?> next;

    StoreEventStream(EventStorageEngine storage, Occurrences appends, long pollNanos, TrackingToken from) {
        this.storage = storage;
        this.appends = appends;
        this.pollNanos = pollNanos;
        this.lastToken = from;
    }

    /** The next event if the current read still has one; never goes to the store for new appends. */
    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return Optional.ofNullable(advance() ? next : null);
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            if (advance()) {
                return true;
            }
            long seen = appends.count();
            long now = System.nanoTime();
            if (seen != readAfterAppend || now - readAt >= pollNanos) {
                read(seen, now);
                if (advance()) {
                    return true;
                }
            }
            long left = deadline - now;
            if (left <= 0) {
                return false;
            }
            appends.awaitAfter(seen, Math.min(left, readAt + pollNanos - now));
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            // an interrupt ends the wait with InterruptedException
        }
        TrackedEventMessage<?> event = next;
        next = null;
        lastToken = event.trackingToken();
        return event;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private boolean advance() {
        if (next == null && !exhausted) {
            if (events.hasNext()) {
                next = events.next();
            } else {
                exhausted = true;
            }
        }
        return next != null;
    }

    private void read(long seenAppends, long now) {
        close();
        readAfterAppend = seenAppends;
        readAt = now;
        stream = storage.readEvents(lastToken, false);
        events = stream.iterator();
        exhausted = false;
    }
}
