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
import dev.users.query.export.CsvExport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * {@link UserEventLog} on the event table: one user's rows by the (aggregateidentifier, sequencenumber) key,
 * upcast and deserialized as Axon's own store would ({@link StoredEvents}). Upcasting brings every event to its
 * record's current shape, so the type shown is the record's current revision, as {@link EventTypes} documents.
 */
@Component
class StoredUserEventLog implements UserEventLog {

    private static final String EVENTS = "select " + StoredEvents.COLUMNS + " from domainevententry"
            + " where aggregateidentifier = ? and sequencenumber <= ? order by sequencenumber";

    private static final String INDEXED = "select " + StoredEvents.COLUMNS + " from event_index i"
            + " join domainevententry e on e.globalindex = i.position";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final Serializer eventSerializer;
    private final Configuration axon;

    StoredUserEventLog(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                       Configuration axon) {
        this.jdbc = jdbc;
        this.cursor = CsvExport.cursor(jdbc.getDataSource());
        this.eventSerializer = eventSerializer;
        this.axon = axon;
    }

    @Override
    public void each(String where, Map<String, Object> params, String order, Consumer<RecordedEvent> each) {
        cursor.query(INDEXED + where + order, params, (ResultSet rs) -> {
            DomainEventData<?> entry = StoredEvents.entry(rs);
            for (DomainEventMessage<?> message : StoredEvents.deserialized(List.of(entry), eventSerializer,
                    axon.upcasterChain())) {
                recorded(message, rs.getLong("globalindex")).ifPresent(each);
            }
        });
    }

    @Override
    public List<RecordedEvent> ofUser(UUID userId) {
        return ofUser(userId, Long.MAX_VALUE);
    }

    @Override
    public List<RecordedEvent> ofUser(UUID userId, long through) {
        List<DomainEventData<?>> entries = new ArrayList<>();
        Map<String, Long> positions = new HashMap<>();
        jdbc.query(EVENTS, (ResultSet rs) -> {
            DomainEventData<?> entry = StoredEvents.entry(rs);
            entries.add(entry);
            positions.put(entry.getEventIdentifier(), rs.getLong("globalindex"));
        }, userId.toString(), through);
        List<RecordedEvent> events = new ArrayList<>(entries.size());
        for (DomainEventMessage<?> message : StoredEvents.deserialized(entries, eventSerializer,
                axon.upcasterChain())) {
            recorded(message, positions.getOrDefault(message.getIdentifier(), -1L)).ifPresent(events::add);
        }
        return events;
    }

    private static Optional<RecordedEvent> recorded(DomainEventMessage<?> message, long position) {
        if (!(message.getPayload() instanceof UserEvent event)) {
            return Optional.empty();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        message.getMetaData().forEach((key, value) -> metadata.put(key, value == null ? null : String.valueOf(value)));
        return Optional.of(new RecordedEvent(position, message.getSequenceNumber(), EventTypes.of(event.getClass()),
                message.getTimestamp(), event, metadata));
    }

}
