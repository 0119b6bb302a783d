package dev.users.app.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Rows of the event table ({@code domainevententry}) read by SQL of the service's own, as Axon's store reads them. */
public final class StoredEvents {

    /** The columns {@link #entry} reads. */
    public static final String COLUMNS = "globalindex, type, aggregateidentifier, sequencenumber, eventidentifier,"
            + " timestamp, payloadtype, payloadrevision, payload, metadata";

    private StoredEvents() {
    }

    /** The stored event on the result set's current row, still serialized. */
    public static DomainEventData<?> entry(ResultSet rs) throws SQLException {
        return new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregateidentifier"),
                rs.getLong("sequencenumber"), rs.getString("eventidentifier"), rs.getString("timestamp"),
                rs.getString("payloadtype"), rs.getString("payloadrevision"), rs.getBytes("payload"),
                rs.getBytes("metadata"));
    }

    /** An instant as the serializer writes it into stored events; null for a text that is none. */
    public static Instant instant(String text) {
        Instant fast = StoredInstants.parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    /** The entries as messages, upcast and deserialized (payload, metadata and timestamp read now, not lazily). */
    public static List<DomainEventMessage<?>> deserialized(List<DomainEventData<?>> entries, Serializer serializer,
                                                           EventUpcaster upcasters) {
        return deserialized(entries, serializer, upcasters, true);
    }

    /**
     * {@link #deserialized(List, Serializer, EventUpcaster)}, the metadata read now only when {@code withMetaData}
     * (otherwise when first asked for): a reader that hands out no metadata (the feed) does not pay for it.
     */
    public static List<DomainEventMessage<?>> deserialized(List<DomainEventData<?>> entries, Serializer serializer,
                                                           EventUpcaster upcasters, boolean withMetaData) {
        if (entries.size() > 1 && serializer instanceof BatchedReads batched) {
            return batched.reading(entries, () -> deserializedNow(entries, serializer, upcasters, withMetaData));
        }
        return deserializedNow(entries, serializer, upcasters, withMetaData);
    }

    private static List<DomainEventMessage<?>> deserializedNow(List<DomainEventData<?>> entries, Serializer serializer,
                                                               EventUpcaster upcasters, boolean withMetaData) {
        List<DomainEventMessage<?>> messages = new ArrayList<>(entries.size());
        EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), serializer, upcasters)
                .forEachRemaining(message -> {
                    message.getPayload();
                    if (withMetaData) {
                        message.getMetaData();
                    }
                    message.getTimestamp();
                    messages.add(message);
                });
        return messages;
    }
}
