package dev.users.query.history;

import dev.users.events.EventTypes;
import dev.users.query.list.SqlValues;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The filters history and the audit log share, as SQL over {@code event_index i}: a time range and event types. */
final class EventFilter {

    private EventFilter() {
    }

    /** Appends the conditions for [{@code from}, {@code to}) and {@code types} (any of them; none: every type). */
    static void append(StringBuilder sql, Map<String, Object> params, Instant from, Instant to, Set<String> types) {
        if (from != null) {
            sql.append(" and i.occurred_at >= :from");
            params.put("from", SqlValues.timestamp(from));
        }
        if (to != null) {
            sql.append(" and i.occurred_at < :to");
            params.put("to", SqlValues.timestamp(to));
        }
        if (!types.isEmpty()) {
            // every event is shown in its record's current revision (upcast), so a type names the record alone
            sql.append(" and i.event_name in (:names)");
            params.put("names", types.stream().map(type -> EventTypes.eventName(type).orElseThrow()).toList());
        }
    }

    /** Conditions over {@code event_index i} with their named parameters. */
    record Where(String sql, Map<String, Object> params) {
    }
}
