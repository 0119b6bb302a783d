package dev.users.query.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.users.events.EventTypes;
import dev.users.query.export.CsvExport;
import dev.users.query.list.ListPage;
import dev.users.query.list.SqlValues;
import dev.users.web.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An account's changes, newest first ({@code occurred_at}, then store position), as history entries with the user
 * they are about. The page is found by a range scan of {@code event_index} (one account's rows only, so another
 * account's events can never appear); then each user on the page has its stream folded once, from the checkpoint
 * before its first event shown to its last ({@link HistoryEntries}).
 */
@Component
public class AuditLog {

    /**
     * Counting every match of a wide range on a large account costs more than the page itself; beyond this many
     * matches {@code total_count} says this many (and {@code has_more} stays exact).
     */
    public static final int COUNT_LIMIT = 10_000;
    /** How many filters found to reach {@link #COUNT_LIMIT} a node remembers. */
    private static final int FILTERS_KEPT = 10_000;

    /** The columns of the CSV export, in {@link #export}'s order. */
    static final List<String> CSV_COLUMNS = List.of("occurred_at", "position", "user_id", "sequence", "type",
            "api_key_id", "request_id", "correlation_id", "causation_id", "data");
    private static final String ORDER = " order by i.occurred_at desc, i.position desc";

    private final JdbcClient jdbc;
    private final UserEventLog events;
    private final UserReplays replays;
    private final JsonMapper json;
    /**
     * Filters (with their account) seen to match at least {@link #COUNT_LIMIT} events. {@code event_index} rows are
     * only ever added, never changed or deleted, so such a filter always will, and its count need not be run again.
     */
    private final Cache<EventFilter.Where, Boolean> atTheLimit = Caffeine.newBuilder()
            .maximumSize(FILTERS_KEPT)
            .build();

    public AuditLog(JdbcClient jdbc, UserEventLog events, UserReplays replays, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.replays = replays;
        this.json = json;
    }

    /** Whether the account's log lists any event of the user. */
    boolean lists(UUID accountId, UUID userId) {
        return jdbc.sql("select exists (select 1 from event_index where account_id = ? and user_id = ?)")
                .params(accountId, userId).query(Boolean.class).single();
    }

    ListPage page(UUID accountId, AuditLogParams query) {
        EventFilter.Where where = where(accountId, query);
        List<Indexed> rows = jdbc.sql("select i.user_id, i.sequence from event_index i" + where.sql()
                        + ORDER + " limit :limit offset :offset")
                .params(where.params())
                .param("limit", query.page().limit() + 1)
                .param("offset", query.page().offset())
                .query((rs, n) -> new Indexed(rs.getObject("user_id", UUID.class), rs.getLong("sequence")))
                .list();
        long total = total(where);
        Map<Indexed, Map<String, Object>> shown = entries(rows);
        List<Map<String, Object>> data = new ArrayList<>(rows.size());
        for (Indexed row : rows) {
            data.add(shown.get(row));
        }
        return ListPage.of(data, query.page(), total);
    }

    /** The filter's matches, at most {@link #COUNT_LIMIT}. */
    private long total(EventFilter.Where where) {
        if (atTheLimit.getIfPresent(where) != null) {
            return COUNT_LIMIT;
        }
        long total = jdbc.sql("select count(*) from (select 1 from event_index i" + where.sql() + " limit "
                + COUNT_LIMIT + ") matches").params(where.params()).query(Long.class).single();
        if (total >= COUNT_LIMIT) {
            atTheLimit.put(where, Boolean.TRUE);
        }
        return total;
    }

    /** The entries of the rows: each user's stream folded once, up to its latest event on the page, in one read. */
    private Map<Indexed, Map<String, Object>> entries(List<Indexed> rows) {
        Map<UUID, Set<Long>> shown = new LinkedHashMap<>();
        rows.forEach(row -> shown.computeIfAbsent(row.userId(), user -> new HashSet<>()).add(row.sequence()));
        Map<Indexed, Map<String, Object>> entries = new HashMap<>();
        HistoryEntries.ofUsers(replays, shown).forEach((userId, ofUser) -> ofUser.forEach((sequence, entry) ->
                entries.put(new Indexed(userId, sequence), withUser(userId, entry))));
        return entries;
    }

    /** A history entry with the user it is about, right after its position. */
    static Map<String, Object> withUser(UUID userId, Map<String, Object> entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        entry.forEach((key, value) -> {
            json.put(key, value);
            if (key.equals("position")) {
                json.put("user_id", userId.toString());
            }
        });
        return json;
    }

    /**
     * Every event of the page's filter (paging aside), newest first, as CSV rows: the entry without {@code changes}
     * (they need each user's state, which a stream of any length cannot keep), {@code metadata} as columns and
     * {@code data} as its JSON text.
     */
    void export(UUID accountId, AuditLogParams query, CsvExport.Rows csv) {
        EventFilter.Where where = where(accountId, query);
        events.each(where.sql(), where.params(), ORDER, event -> {
            Map<String, Object> metadata = HistoryEntries.metadata(event);
            csv.row(Timestamps.of(event.occurredAt()), event.position(), event.payload().userId(),
                    event.sequence(), event.type(), metadata.get("api_key_id"), metadata.get("request_id"),
                    metadata.get("correlation_id"), metadata.get("causation_id"),
                    json.writeValueAsString(EventData.of((Record) event.payload())));
        });
    }

    static EventFilter.Where where(UUID accountId, AuditLogParams query) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        sql.append(" where i.account_id = :account");
        params.put("account", accountId);
        if (query.apiKeyId() != null) {
            sql.append(" and i.api_key_id = :key");
            params.put("key", query.apiKeyId().toString());
        }
        if (query.userId() != null) {
            sql.append(" and i.user_id = :user");
            params.put("user", query.userId());
        }
        EventFilter.append(sql, params, query.from(), query.to(), query.types());
        return new EventFilter.Where(sql.toString(), params);
    }


    /** An event of the page, by its user and sequence number. */
    private record Indexed(UUID userId, long sequence) {
    }
}
