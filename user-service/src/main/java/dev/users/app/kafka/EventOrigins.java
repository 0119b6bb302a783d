package dev.users.app.kafka;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the publisher needs besides the event the processor hands it: its position in the store, the account it
 * belongs to ({@code event_index}, as the feed reads it). One query per batch,
 * by the events' ids (unique in the store), then {@code event_index}'s (user, position) index.
 */
final class EventOrigins {

    private static final String SQL = "select e.eventidentifier, e.globalindex, i.account_id"
            + " from domainevententry e"
            + " join event_index i on i.user_id = e.aggregateidentifier::uuid and i.position = e.globalindex"
            + " where e.eventidentifier in (:ids)";

    record Origin(long position, UUID accountId) {
    }

    private final JdbcClient jdbc;

    EventOrigins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The origins of the events of these ids, by id. */
    Map<String, Origin> of(List<String> eventIds) {
        Map<String, Origin> origins = new HashMap<>();
        jdbc.sql(SQL).param("ids", eventIds).query(rs -> {
            origins.put(rs.getString(1), new Origin(rs.getLong(2), rs.getObject(3, UUID.class)));
        });
        return origins;
    }
}
