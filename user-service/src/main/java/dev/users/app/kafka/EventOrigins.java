package dev.users.app.kafka;

import dev.users.app.axon.StoredEvents;
import org.axonframework.eventhandling.DomainEventData;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the publisher needs besides the event the processor hands it: its stored row, its position in the store,
 * the account it belongs to ({@code event_index}, as the feed reads it). The row is read again so that the event is
 * shown from its stored JSON (FeedEvents), without Axon's record of it. One query per batch, by the events' ids
 * (unique in the store), then {@code event_index}'s (user, position) index.
 */
final class EventOrigins {

    private static final String SQL = "select e." + StoredEvents.COLUMNS.replace(", ", ", e.") + ", i.account_id"
            + " from domainevententry e"
            + " join event_index i on i.user_id = e.aggregateidentifier::uuid and i.position = e.globalindex"
            + " where e.eventidentifier = any(:ids)";

    record Origin(DomainEventData<?> entry, long position, UUID accountId) {
    }

    private final JdbcClient jdbc;

    EventOrigins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The origins of the events of these ids, by id. */
    Map<String, Origin> of(List<String> eventIds) {
        Map<String, Origin> origins = new HashMap<>();
        jdbc.sql(SQL).param("ids", eventIds.toArray(String[]::new)).query((ResultSet rs) -> {
            DomainEventData<?> entry = StoredEvents.entry(rs);
            origins.put(entry.getEventIdentifier(), new Origin(entry, rs.getLong("globalindex"),
                    rs.getObject("account_id", UUID.class)));
        });
        return origins;
    }
}
