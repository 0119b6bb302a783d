package dev.users.app.axon;

import dev.users.signals.Occurrences;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * The event source of this service's tracking processor ({@link DirectoryProcessorConfiguration}): each
 * processor reads the store itself ({@link StoreEventStream}) instead of sharing the embedded event store's cache.
 * That cache lets a processor whose token differs from the cached ones only in its gaps (normal with concurrent
 * writers) fall back to polling once per eventAvailabilityTimeout (Axon issues #1037, #1193): every write then waited
 * that long (a second by default) for its read model. Appends of this node wake the stream at once; other nodes'
 * are seen within {@code users.event-store.poll-interval}.
 */
@Component
public class StoreEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore eventStore;
    private final EventStorageEngine storage;
    private final Occurrences appends;
    private final long pollNanos;

    public StoreEventSource(EventStore eventStore, EventStorageEngine storage,
                            @Qualifier("localAppends") Occurrences appends,
                            EventStoreSettings settings) {
        this.eventStore = eventStore;
        this.storage = storage;
        this.appends = appends;
        this.pollNanos = settings.pollInterval().toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new StoreEventStream(storage, appends, pollNanos, trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }
}
