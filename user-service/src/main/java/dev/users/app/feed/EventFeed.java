package dev.users.app.feed;

import dev.users.app.axon.StoredEvents;
import dev.users.events.EventTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads an account's events in store order from {@code event_index}, never past the {@link SafePosition}, and hands
 * them out as CloudEvent JSON: from {@link RenderedEvents} when an earlier read rendered them, else loaded from
 * {@code domainevententry} and shown by {@link FeedEvents}.
 */
@Component
public class EventFeed {

    private static final String POSITIONS = "select i.position from event_index i"
            + " where i.account_id = :account and i.position > :after and i.position <= :safe";
    private static final String BY_SUBJECT = " and i.user_id = :subject";
    /** Every event is shown in its record's current revision (upcast), so a type names the record alone. */
    private static final String BY_TYPE = " and i.event_name in (:types)";
    private static final String ORDER = " order by i.position limit :limit";
    private static final String EVENTS = "select " + StoredEvents.COLUMNS + " from domainevententry"
            + " where globalindex = any(:positions)";

    private final JdbcClient jdbc;
    private final SafePosition safePosition;
    private final FeedEvents feedEvents;
    private final RenderedEvents rendered;
    private final JsonMapper json;

    EventFeed(JdbcClient jdbc, SafePosition safePosition, FeedEvents feedEvents, RenderedEvents rendered,
              JsonMapper json) {
        this.jdbc = jdbc;
        this.safePosition = safePosition;
        this.feedEvents = feedEvents;
        this.rendered = rendered;
        this.json = json;
    }

    /** One event handed out: its position and its CloudEvent as JSON text ({@link CloudEvents#json}). */
    public record Shown(long position, String json) {
    }

    /**
     * The events the query asks for, in position order, none past the safe position; {@code through} is the
     * position up to which every event the query matches has been handed out (the safe one when the page is not
     * full), the {@code after} of the next read.
     */
    public record Page(List<Shown> events, boolean hasMore, long through) {
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
        StringBuilder sql = new StringBuilder(POSITIONS);
        if (query.subject() != null) {
            sql.append(BY_SUBJECT);
        }
        if (!query.types().isEmpty()) {
            sql.append(BY_TYPE);
        }
        sql.append(ORDER);
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("account", query.accountId())
                .param("after", query.after()).param("safe", safe).param("limit", query.limit() + 1);
        if (query.subject() != null) {
            statement = statement.param("subject", query.subject());
        }
        if (!query.types().isEmpty()) {
            statement = statement.param("types", query.types().stream()
                    .map(type -> EventTypes.eventName(type).orElseThrow()).toList());
        }
        List<Long> positions = statement.query(Long.class).list();
        boolean hasMore = positions.size() > query.limit();
        if (hasMore) {
            positions = positions.subList(0, query.limit());
        }
        Map<Long, String> texts = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long position : positions) {
            RenderedEvents.Rendered kept = rendered.get(position);
            if (kept != null) {
                texts.put(position, kept.json());
            } else {
                missing.add(position);
            }
        }
        if (!missing.isEmpty()) {
            render(missing, query.accountId(), texts);
        }
        List<Shown> page = new ArrayList<>(positions.size());
        for (long position : positions) {
            page.add(new Shown(position, texts.get(position)));
        }
        return new Page(page, hasMore, hasMore ? positions.get(positions.size() - 1) : safe);
    }

    /** Loads and renders the events at {@code positions} (all of {@code accountId}), keeping each. */
    private void render(List<Long> positions, UUID accountId, Map<Long, String> texts) {
        jdbc.sql(EVENTS).param("positions", positions.toArray(Long[]::new)).query((ResultSet rs) -> {
            long position = rs.getLong("globalindex");
            FeedEvent event = feedEvents.of(StoredEvents.entry(rs), position, accountId);
            String text = json.writeValueAsString(CloudEvents.json(event));
            rendered.keep(position, new RenderedEvents.Rendered(event.userId(), text));
            texts.put(position, text);
        });
    }
}
