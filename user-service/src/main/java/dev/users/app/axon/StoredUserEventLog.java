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
import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link UserEventLog} on the event table: one user's rows by the (aggregateidentifier, sequencenumber) key,
 * upcast and deserialized as Axon's own store would ({@link StoredEvents}). Upcasting brings every event to its
 * record's current shape, so the type shown is the record's current revision, as {@link EventTypes} documents.
 */
@Component
class StoredUserEventLog implements UserEventLog {

    /** Rows per read of a replay: pgjdbc holds a whole result in memory outside a cursor. */
    static final int CHUNK = 500;
    private static final String EVENTS = "select " + StoredEvents.COLUMNS + " from domainevententry"
            + " where aggregateidentifier = ? and sequencenumber > ? and sequencenumber <= ?"
            + " order by sequencenumber limit " + CHUNK;

    private static final String SPANS = "select " + StoredEvents.COLUMNS + " from domainevententry"
            + " join unnest(?::text[], ?::bigint[], ?::bigint[]) as span(user_id, low, high)"
            + " on aggregateidentifier = span.user_id and sequencenumber > span.low and sequencenumber <= span.high"
            + " order by aggregateidentifier, sequencenumber";
    private static final String INDEXED = "select " + StoredEvents.COLUMNS + " from event_index i"
            + " join domainevententry e on e.globalindex = i.position";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final Serializer eventSerializer;
    private final Configuration axon;
    private final CurrentRevisions currentRevisions;

    StoredUserEventLog(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                       Configuration axon) {
        this.jdbc = jdbc;
        this.cursor = CsvExport.cursor(jdbc.getDataSource());
        this.eventSerializer = eventSerializer;
        this.axon = axon;
        this.currentRevisions = new CurrentRevisions(eventSerializer);
    }

    @Override
    public void each(String where, Map<String, Object> params, String order, Consumer<RecordedEvent> each) {
        cursor.query(INDEXED + where + order, params, (ResultSet rs) -> read(rs, each));
    }

    /**
     * A chunk at a time by the (aggregateidentifier, sequencenumber) key, each row deserialized as it is read: a
     * replay of a long stream holds one chunk of rows, never the stream.
     */
    @Override
    public void replay(UUID userId, long after, long through, Consumer<RecordedEvent> each) {
        long[] last = {after};
        int[] read = new int[1];
        do {
            read[0] = 0;
            jdbc.query(EVENTS, (ResultSet rs) -> {
                read[0]++;
                last[0] = rs.getLong("sequencenumber");
                read(rs, each);
            }, userId.toString(), last[0], through);
        } while (read[0] == CHUNK);
    }

    @Override
    public void replay(Map<UUID, Span> spans, Consumer<RecordedEvent> each) {
        if (spans.isEmpty()) {
            return;
        }
        String[] users = new String[spans.size()];
        Long[] lows = new Long[spans.size()];
        Long[] highs = new Long[spans.size()];
        int i = 0;
        for (Map.Entry<UUID, Span> span : spans.entrySet()) {
            users[i] = span.getKey().toString();
            lows[i] = span.getValue().after();
            highs[i++] = span.getValue().through();
        }
        jdbc.query(SPANS, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", users));
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", lows));
            statement.setArray(3, statement.getConnection().createArrayOf("bigint", highs));
        }, (ResultSet rs) -> read(rs, each));
    }

    /**
     * The event on the current row: deserialized directly when stored in its record's current revision, else upcast
     * and deserialized as Axon's store does (one by one: the service's upcasters are single-event).
     */
    private void read(ResultSet rs, Consumer<RecordedEvent> each) throws SQLException {
        DomainEventData<?> entry = StoredEvents.entry(rs);
        long position = rs.getLong("globalindex");
        if (currentRevisions.classIfCurrent(entry.getPayload().getType()) != null) {
            if (eventSerializer.deserialize(entry.getPayload()) instanceof UserEvent event) {
                each.accept(new RecordedEvent(position, entry.getSequenceNumber(), EventTypes.of(event.getClass()),
                        StoredEvents.instant(rs.getString("timestamp")), event,
                        new StoredMetadata(() -> eventSerializer.deserialize(entry.getMetaData()))));
            }
            return;
        }
        for (DomainEventMessage<?> message : StoredEvents.deserialized(List.of(entry), eventSerializer,
                axon.upcasterChain(), false)) {
            recorded(message, position).ifPresent(each);
        }
    }

    private static Optional<RecordedEvent> recorded(DomainEventMessage<?> message, long position) {
        if (!(message.getPayload() instanceof UserEvent event)) {
            return Optional.empty();
        }
        return Optional.of(new RecordedEvent(position, message.getSequenceNumber(), EventTypes.of(event.getClass()),
                message.getTimestamp(), event, new StoredMetadata(message::getMetaData)));
    }

    /**
     * The event's metadata as texts, deserialized when first asked for: a fold passes many more events than a
     * page shows (an audit-log page folds each of its users up to its events), and only the shown ones need it.
     */
    private static final class StoredMetadata extends AbstractMap<String, String> {
        private Supplier<Map<String, ?>> stored;
        private Map<String, String> texts;

        StoredMetadata(Supplier<Map<String, ?>> stored) {
            this.stored = stored;
        }

        @Override
        public String get(Object key) {
            return texts().get(key);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return texts().entrySet();
        }

        private Map<String, String> texts() {
            if (texts == null) {
                Map<String, String> read = new LinkedHashMap<>();
                stored.get().forEach((key, value) -> read.put(key, value == null ? null : String.valueOf(value)));
                texts = Collections.unmodifiableMap(read);
                stored = null;
            }
            return texts;
        }
    }

}
