package dev.users.app.feed;

import dev.users.app.axon.CurrentRevisions;
import dev.users.app.axon.StoredEvents;
import dev.users.app.erasure.PersonalDataSerializer;
import dev.users.events.EventTypes;
import dev.users.web.Timestamps;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns a stored event into the {@link FeedEvent} that the feed, the stream and the Kafka publisher hand out, so
 * that all three show the same id, type, subject, time and data for it. A stored row in its record's current
 * revision is shown from its JSON tree ({@link RecordShape}), with no record made; any other (an older revision,
 * which the upcasters bring to the current one, or a tree of another shape) through the record Axon reads from it.
 */
@Component
public class FeedEvents {

    private final Function<Object, JsonNode> tree;
    private final Serializer events;
    private final ObjectProvider<Configuration> axon;
    private final CurrentRevisions currentRevisions;

    /**
     * {@code serializer} is Axon's general serializer, not the event serializer: the events' JSON without the
     * encryption of personal fields (PersonalDataSerializer), whose stored ciphertext the data handed out must not
     * carry. The payload was read through the event serializer ({@code events}), so its personal fields are plain,
     * or "[erased]". Axon's configuration is looked up when first needed: the publisher, one of its event handlers,
     * uses this class.
     */
    FeedEvents(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
               ObjectProvider<Configuration> axon, JsonMapper json) {
        // Axon's own mapper turns the event into a tree at once; any other serializer through its text
        this.tree = serializer instanceof Jackson3Serializer jackson
                ? jackson.getObjectMapper()::valueToTree
                : payload -> json.readTree(serializer.serialize(payload, String.class).getData());
        this.events = events;
        this.currentRevisions = new CurrentRevisions(events);
        this.axon = axon;
    }

    /** The stored event {@code entry} at {@code position}, of {@code accountId}, as {@link #of(DomainEventMessage,
     * long, UUID)} shows it. */
    public FeedEvent of(DomainEventData<?> entry, long position, UUID accountId) {
        FeedEvent shown = fromTree(entry, position, accountId);
        if (shown != null) {
            return shown;
        }
        List<DomainEventMessage<?>> upcast = StoredEvents.deserialized(List.of(entry), events,
                axon.getObject().upcasterChain(), false);
        if (upcast.size() != 1) {
            throw new IllegalStateException("the upcasters made " + upcast.size() + " events of event "
                    + entry.getEventIdentifier() + ", not one");
        }
        return of(upcast.get(0), position, accountId);
    }

    /** The event shown from its stored tree; null when it is not in its record's current revision and shape. */
    FeedEvent fromTree(DomainEventData<?> entry, long position, UUID accountId) {
        if (!(events instanceof PersonalDataSerializer personal)) {
            return null;
        }
        SerializedObject<?> payload = entry.getPayload();
        SerializedType type = payload.getType();
        Class<?> record = currentRevisions.classIfCurrent(type);
        if (record == null || !record.isRecord()) {
            return null;
        }
        byte[] bytes = payload.getData() instanceof byte[] stored ? stored
                : events.getConverter().convert(payload.getData(), payload.getContentType(), byte[].class);
        JsonNode data = personal.readableTree(type.getName(), bytes);
        @SuppressWarnings("unchecked")
        RecordShape shape = RecordShape.of((Class<? extends Record>) record);
        if (!(data instanceof ObjectNode fields) || !shape.showTimes(fields)) {
            return null;
        }
        return new FeedEvent(entry.getEventIdentifier(), position, accountId,
                UUID.fromString(entry.getAggregateIdentifier()), entry.getSequenceNumber(), EventTypes.of(record),
                entry.getTimestamp(), fields);
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
