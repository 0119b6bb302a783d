package dev.users.query.history;

import dev.users.query.list.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What a read of a user's history needs to know before it reads a stored event, from {@code event_index} (one row
 * per event, by {@code event_index_user_idx}): whose user it is, which events a page shows and how many match, and
 * which event a past instant ends at. Within one user's stream, store position and sequence number grow together.
 */
@Component
class HistoryIndex {

    private final JdbcClient jdbc;

    HistoryIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account the user was created in (its first event's); empty for an unknown user. */
    Optional<UUID> homeAccount(UUID userId) {
        return jdbc.sql("select account_id from event_index where user_id = ? order by position limit 1")
                .param(userId).query(UUID.class).optional();
    }

    /** Whether the user was created in the account. */
    boolean isOf(UUID userId, UUID accountId) {
        return homeAccount(userId).filter(accountId::equals).isPresent();
    }

    /** The sequence numbers of the page's events, in the page's order, with one more if more follow. */
    List<Long> page(UUID userId, HistoryParams query) {
        EventFilter.Where where = where(userId, query);
        return jdbc.sql("select sequence from event_index" + where.sql() + " order by position"
                        + (query.newestFirst() ? " desc" : "") + " limit :limit offset :offset")
                .params(where.params())
                .param("limit", query.page().limit() + 1)
                .param("offset", query.page().offset())
                .query(Long.class).list();
    }

    /**
     * How many of the user's events the query's filters match. Without filters, that is the last event's sequence
     * number plus one, read from the index at once instead of counting a long stream's rows: a stream's sequence
     * numbers run from 0 without gaps (Axon appends each at the aggregate's next one), and every event of a user
     * with an account has its row (the index's trigger).
     */
    long count(UUID userId, HistoryParams query) {
        if (query.types().isEmpty() && query.from() == null && query.to() == null) {
            return last(userId).orElse(-1) + 1;
        }
        EventFilter.Where where = where(userId, query);
        return jdbc.sql("select count(*) from event_index" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** The sequence number of the user's last event stored at or before {@code instant}; empty if none was. */
    OptionalLong lastAt(UUID userId, Instant instant) {
        return sequence(jdbc.sql("select sequence from event_index where user_id = ? and occurred_at <= ?"
                + " order by position desc limit 1").param(userId).param(SqlValues.timestamp(instant)));
    }

    /** The sequence number of the user's last event; empty for an unknown user. */
    OptionalLong last(UUID userId) {
        return sequence(jdbc.sql("select sequence from event_index where user_id = ? order by position desc limit 1")
                .param(userId));
    }

    private static OptionalLong sequence(JdbcClient.StatementSpec query) {
        return query.query(Long.class).optional().map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    private static EventFilter.Where where(UUID userId, HistoryParams query) {
        StringBuilder sql = new StringBuilder(" i where i.user_id = :user");
        Map<String, Object> params = new HashMap<>();
        params.put("user", userId);
        EventFilter.append(sql, params, query.from(), query.to(), query.types());
        return new EventFilter.Where(sql.toString(), params);
    }

}
