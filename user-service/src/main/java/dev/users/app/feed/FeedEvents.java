package dev.users.app.feed;

import dev.users.events.EventTypes;
import dev.users.web.Timestamps;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a stored event, deserialized, into the {@link FeedEvent} that the feed, the stream and the Kafka publisher
 * hand out, so that all three show the same id, type, subject, time and data for it.
 */
@Component
public class FeedEvents {

    private final Function<Object, JsonNode> tree;

    /**
     * {@code serializer} is Axon's general serializer, not the event serializer: the events' JSON without the
     * encryption of personal fields (PersonalDataSerializer), whose stored ciphertext the data handed out must not
     * carry. The payload was read through the event serializer, so its personal fields are plain, or "[erased]".
     */
    FeedEvents(Serializer serializer, JsonMapper json) {
        // Axon's own mapper turns the event into a tree at once; any other serializer through its text
        this.tree = serializer instanceof Jackson3Serializer jackson
                ? jackson.getObjectMapper()::valueToTree
                : payload -> json.readTree(serializer.serialize(payload, String.class).getData());
    }

    /**
     * The event at {@code position}, of {@code accountId} (its {@code event_index} row), as its record's current
     * revision shows it: upcast if it was stored under an older one, and typed by that revision (as every surface).
     */
    public FeedEvent of(DomainEventMessage<?> message, long position, UUID accountId) {
        return new FeedEvent(message.getIdentifier(), position, accountId,
                UUID.fromString(message.getAggregateIdentifier()), message.getSequenceNumber(),
                EventTypes.of(message.getPayloadType()), message.getTimestamp(), data(message.getPayload()));
    }

    /**
     * The event's fields as Axon's JSON shows them (personal fields plain, or "[erased]"), as a JSON tree, with every instant in
     * the service's one form ({@link Timestamps}) instead of the serializer's microseconds.
     */
    private Object data(Object payload) {
        JsonNode data = tree.apply(payload);
        if (payload instanceof Record event && data instanceof ObjectNode fields) {
            showTimes(event, fields);
        }
        return data;
    }

    private static void showTimes(Record record, ObjectNode fields) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of an event", e);
            }
            if (value instanceof Instant instant && fields.has(component.getName())) {
                fields.put(component.getName(), Timestamps.of(instant));
            } else if (value instanceof Record nested && fields.get(component.getName()) instanceof ObjectNode inner) {
                showTimes(nested, inner);
            }
        }
    }
}
