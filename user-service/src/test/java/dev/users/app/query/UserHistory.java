package dev.users.app.query;

import dev.users.events.UserEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One test user's event stream, appended to the real event store with consecutive sequence numbers, exactly as the
 * User aggregate's events are stored (aggregate type "User", metadata with the API key id).
 */
final class UserHistory {

    static final String API_KEY = "k1";

    private final EventStore store;
    private final UUID userId;
    private long next;

    UserHistory(EventStore store, UUID userId) {
        this(store, userId, -1);
    }

    /** The stream of a user whose events up to {@code version} are already stored. */
    UserHistory(EventStore store, UUID userId, long version) {
        this.store = store;
        this.userId = userId;
        this.next = version + 1;
    }

    /** Appends events stamped now; returns the sequence number of the last one (the user's version). */
    long append(UserEvent... events) {
        for (UserEvent event : events) {
            appendAt(Instant.now(), event);
        }
        return next - 1;
    }

    /** Appends one event with the given timestamp (what the directory shows as updated_at). */
    long appendAt(Instant at, UserEvent event) {
        return appendAt(at, API_KEY, event);
    }

    /** Appends one event with the given timestamp, caused by the API key {@code apiKeyId}. */
    long appendAt(Instant at, String apiKeyId, UserEvent event) {
        DomainEventMessage<UserEvent> message = new GenericDomainEventMessage<>("User", userId.toString(), next,
                event, Map.of("apiKeyId", apiKeyId), UUID.randomUUID().toString(), at);
        store.publish(message);
        return next++;
    }

    /**
     * Appends the events in one publication (one transaction), each stamped a second after the one before from
     * {@code from}, caused by {@code apiKeyId}: a long stream without a transaction per event.
     */
    long appendAll(Instant from, String apiKeyId, List<? extends UserEvent> events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>(events.size());
        for (UserEvent event : events) {
            messages.add(new GenericDomainEventMessage<>("User", userId.toString(), next, event,
                    Map.of("apiKeyId", apiKeyId), UUID.randomUUID().toString(), from.plusSeconds(messages.size())));
            next++;
        }
        store.publish(messages);
        return next - 1;
    }

    long version() {
        return next - 1;
    }

    UUID userId() {
        return userId;
    }
}
