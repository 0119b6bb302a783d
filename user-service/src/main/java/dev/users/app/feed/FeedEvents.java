package dev.users.app.feed;

import dev.users.events.EventTypes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;

/**
 * Turns a stored event, deserialized, into the {@link FeedEvent} that the feed, the stream and the Kafka publisher
 * hand out, so that all three show the same id, type, subject, time and data for it.
 */
@Component
public class FeedEvents {

    private final Serializer serializer;
    private final JsonMapper json;

    FeedEvents(@Qualifier("eventSerializer") Serializer serializer, JsonMapper json) {
        this.serializer = serializer;
        this.json = json;
    }

    /**
     * The event at {@code position}, of {@code accountId} (its {@code event_index} row), whose payload was stored
     * under {@code storedRevision}: the documented type names the revision the event was stored under, not the one
     * an upcaster turned it into.
     */
    public FeedEvent of(DomainEventMessage<?> message, long position, UUID accountId, String storedRevision) {
        return new FeedEvent(message.getIdentifier(), position, accountId,
                UUID.fromString(message.getAggregateIdentifier()), message.getSequenceNumber(),
                EventTypes.of(message.getPayloadType().getSimpleName(), storedRevision), message.getTimestamp(),
                data(message.getPayload()));
    }

    /** The event's fields as the store holds them (Axon's event serializer), as a JSON tree. */
    private Object data(Object payload) {
        return json.readTree(serializer.serialize(payload, String.class).getData());
    }
}
