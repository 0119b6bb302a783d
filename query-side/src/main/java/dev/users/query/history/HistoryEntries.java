package dev.users.query.history;

import dev.users.events.EventMetadata;
import dev.users.query.directory.UserFold;
import dev.users.query.v4.V4UserRenderer;
import dev.users.web.Timestamps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user's history entries, oldest first: each event with what it changed in the v4 user object, found by folding
 * the events ({@link UserFold}) and comparing the v4 object before and after each one. {@code updated_at} is left
 * out of {@code changes}: every event moves it, and {@code occurred_at} says when already. A removal shows as
 * {@code removed_at} going from null to its time.
 */
final class HistoryEntries {

    /** Axon's origin keys: the message that caused this one, and the first message of the chain. */
    static final String AXON_CAUSATION = "correlationId";
    static final String AXON_CORRELATION = "traceId";

    private HistoryEntries() {
    }

    /**
     * The entries of the events whose sequence numbers {@code shown} holds, by sequence number, of a user's stream
     * from its creation (or its first part). Every event is folded, since an entry's {@code changes} depend on all
     * before it, but the v4 object is rendered only before and after the shown ones: a page of a long history costs
     * the fold of the stream and a page's worth of renderings.
     */
    static Map<Long, Map<String, Object>> of(List<RecordedEvent> events, Set<Long> shown) {
        UserFold fold = new UserFold();
        Map<String, Object> before = Map.of();
        Map<Long, Map<String, Object>> entries = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent event = events.get(i);
            fold.apply(event.payload(), event.sequence(), event.occurredAt());
            boolean wanted = shown.contains(event.sequence());
            boolean beforeNext = i + 1 < events.size() && shown.contains(events.get(i + 1).sequence());
            if (!wanted && !beforeNext) {
                continue;
            }
            Map<String, Object> after = view(fold);
            if (wanted) {
                entries.put(event.sequence(), json(event, changes(before, after)));
            }
            before = after;
        }
        return entries;
    }

    private static Map<String, Object> view(UserFold fold) {
        Map<String, Object> view = fold.state().map(V4UserRenderer::render).orElseGet(LinkedHashMap::new);
        view.remove("updated_at");
        fold.removedAt().ifPresent(at -> view.put("removed_at", Timestamps.of(at)));
        return view;
    }

    static List<Map<String, Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object from = before.get(field.getKey());
            if (!Objects.equals(from, field.getValue())) {
                changes.add(change(field.getKey(), from, field.getValue()));
            }
        }
        return changes;
    }

    private static Map<String, Object> change(String field, Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private static Map<String, Object> json(RecordedEvent event, List<Map<String, Object>> changes) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("sequence", event.sequence());
        entry.put("position", event.position());
        entry.put("type", event.type());
        entry.put("occurred_at", Timestamps.of(event.occurredAt()));
        entry.put("data", EventData.of((Record) event.payload()));
        entry.put("changes", changes);
        entry.put("metadata", metadata(event));
        return entry;
    }

    /** The entry's {@code metadata}: who and which request caused the event, and its place in a chain. */
    static Map<String, Object> metadata(RecordedEvent event) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("api_key_id", event.metadata().get(EventMetadata.API_KEY_ID));
        metadata.put("request_id", event.metadata().get(EventMetadata.REQUEST_ID));
        metadata.put("correlation_id", event.metadata().get(AXON_CORRELATION));
        metadata.put("causation_id", event.metadata().get(AXON_CAUSATION));
        return metadata;
    }

}
