package dev.users.app.feed;

import dev.users.app.axon.StoredEvents;
import dev.users.events.EventTypes;
import dev.users.web.Timestamps;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads an account's events in store order from {@code event_index}, never past the {@link SafePosition}, and
 * deserializes them through Axon's serializer and upcasters ({@link StoredEvents}).
 */
@Component
public class EventFeed {

    private static final String EVENTS = "select " + StoredEvents.COLUMNS + ", i.account_id, i.user_id"
            + " from event_index i join domainevententry e on e.globalindex = i.position"
            + " where i.account_id = :account and i.position > :after and i.position <= :safe"
            // the same range on the event table's own key: without it PostgreSQL's merge join of the two keys reads
            // the event table from its first row up to the page
            + " and e.globalindex > :after and e.globalindex <= :safe";
    private static final String BY_SUBJECT = " and i.user_id = :subject";
    /** Every event is shown in its record's current revision (upcast), so a type names the record alone. */
    private static final String BY_TYPE = " and i.event_name in (:types)";
    private static final String ORDER = " order by i.position limit :limit";

    private final JdbcClient jdbc;
    private final SafePosition safePosition;
    private final Serializer serializer;
    private final Configuration axon;
    private final FeedEvents feedEvents;

    EventFeed(JdbcClient jdbc, SafePosition safePosition, @Qualifier("eventSerializer") Serializer serializer,
              Configuration axon, FeedEvents feedEvents) {
        this.jdbc = jdbc;
        this.safePosition = safePosition;
        this.serializer = serializer;
        this.axon = axon;
        this.feedEvents = feedEvents;
    }

    /**
     * The events the query asks for, in position order, none past the safe position; {@code through} is the
     * position up to which every event the query matches has been handed out (the safe one when the page is not
     * full), the {@code after} of the next read.
     */
    public record Page(List<FeedEvent> events, boolean hasMore, long through) {
    }

    /** The position a consumer starting from now reads after: every event at or below it is final. */
    public long head() {
        return safePosition.current();
    }

    public Page read(FeedQuery query) {
        long safe = safePosition.current();
        if (safe <= query.after()) {
            return new Page(List.of(), false, query.after());
        }
        StringBuilder sql = new StringBuilder(EVENTS);
        JdbcClient.StatementSpec statement;
        if (query.subject() != null) {
            sql.append(BY_SUBJECT);
        }
        if (!query.types().isEmpty()) {
            sql.append(BY_TYPE);
        }
        sql.append(ORDER);
        statement = jdbc.sql(sql.toString()).param("account", query.accountId()).param("after", query.after())
                .param("safe", safe).param("limit", query.limit() + 1);
        if (query.subject() != null) {
            statement = statement.param("subject", query.subject());
        }
        if (!query.types().isEmpty()) {
            statement = statement.param("types", query.types().stream()
                    .map(type -> EventTypes.eventName(type).orElseThrow()).toList());
        }
        List<DomainEventData<?>> entries = new ArrayList<>();
        Map<String, Row> rows = new HashMap<>();
        statement.query((ResultSet rs) -> {
            DomainEventData<?> entry = StoredEvents.entry(rs);
            entries.add(entry);
            rows.put(entry.getEventIdentifier(), new Row(rs.getLong("globalindex"), rs.getObject("account_id", UUID.class)));
        });
        List<FeedEvent> events = new ArrayList<>(entries.size());
        for (DomainEventMessage<?> message : StoredEvents.deserialized(entries, serializer, axon.upcasterChain(), false)) {
            Row row = rows.get(message.getIdentifier());
            events.add(feedEvents.of(message, row.position(), row.accountId()));
        }
        boolean hasMore = events.size() > query.limit();
        List<FeedEvent> page = hasMore ? List.copyOf(events.subList(0, query.limit())) : events;
        return new Page(page, hasMore, hasMore ? page.get(page.size() - 1).position() : safe);
    }

    private record Row(long position, UUID accountId) {
    }
}
