package dev.users.app.axon;

import dev.users.events.EventTypes;
import dev.users.events.UserEvent;
import dev.users.query.history.RecordedEvent;
import dev.users.query.history.UserEventLog;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link UserEventLog} on the event table: one user's rows by the (aggregateidentifier, sequencenumber) key,
 * upcast and deserialized as Axon's own store would ({@link StoredEvents}). The type shown is the one of the
 * event as it was stored (its payload revision), as {@link EventTypes} documents.
 */
@Component
class StoredUserEventLog implements UserEventLog {

    private static final String EVENTS = "select " + StoredEvents.COLUMNS + " from domainevententry"
            + " where aggregateidentifier = ? and sequencenumber <= ? order by sequencenumber";

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final Configuration axon;

    StoredUserEventLog(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                       Configuration axon) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.axon = axon;
    }

    @Override
    public List<RecordedEvent> ofUser(UUID userId) {
        return ofUser(userId, Long.MAX_VALUE);
    }

    @Override
    public List<RecordedEvent> ofUser(UUID userId, long through) {
        List<DomainEventData<?>> entries = new ArrayList<>();
        Map<String, Long> positions = new HashMap<>();
        Map<String, String> types = new HashMap<>();
        jdbc.query(EVENTS, (ResultSet rs) -> {
            DomainEventData<?> entry = StoredEvents.entry(rs);
            entries.add(entry);
            positions.put(entry.getEventIdentifier(), rs.getLong("globalindex"));
            types.put(entry.getEventIdentifier(), EventTypes.of(simpleName(entry.getPayload().getType().getName()),
                    entry.getPayload().getType().getRevision()));
        }, userId.toString(), through);
        List<RecordedEvent> events = new ArrayList<>(entries.size());
        for (DomainEventMessage<?> message : StoredEvents.deserialized(entries, eventSerializer,
                axon.upcasterChain())) {
            if (message.getPayload() instanceof UserEvent event) {
                Map<String, String> metadata = new LinkedHashMap<>();
                message.getMetaData().forEach((key, value) -> metadata.put(key, value == null ? null
                        : String.valueOf(value)));
                events.add(new RecordedEvent(positions.getOrDefault(message.getIdentifier(), -1L),
                        message.getSequenceNumber(), types.get(message.getIdentifier()), message.getTimestamp(),
                        event, metadata));
            }
        }
        return events;
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
