package dev.users.query.history;

import dev.users.events.EventMetadata;
import dev.users.query.directory.UserFold;
import dev.users.query.v4.V4UserRenderer;
import dev.users.web.Timestamps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

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
     * The entries of the user's events whose sequence numbers {@code shown} holds, by sequence number. An entry's
     * {@code changes} depend on every event before it, so the events are folded from the latest checkpoint before
     * the first shown one ({@link UserReplays}) through the last; the v4 object is rendered only before and after
     * the shown ones.
     */
    static Map<Long, Map<String, Object>> of(UserReplays replays, UUID userId, Set<Long> shown) {
        return ofUsers(replays, Map.of(userId, shown)).getOrDefault(userId, Map.of());
    }

    /** {@link #of} for several users at once (an audit-log page): by user, then by sequence number. */
    static Map<UUID, Map<Long, Map<String, Object>>> ofUsers(UserReplays replays, Map<UUID, Set<Long>> shown) {
        Map<UUID, Entries> entries = new HashMap<>();
        Map<UUID, UserReplays.Replay> plan = new HashMap<>();
        shown.forEach((userId, sequences) -> {
            if (!sequences.isEmpty()) {
                long first = Collections.min(sequences);
                UserFold fold = replays.before(userId, first);
                entries.put(userId, new Entries(sequences, fold));
                plan.put(userId, new UserReplays.Replay(fold, first, Collections.max(sequences)));
            }
        });
        replays.replay(plan, (event, after) -> entries.get(event.payload().userId()).passed(event, after));
        Map<UUID, Map<Long, Map<String, Object>>> byUser = new HashMap<>();
        entries.forEach((userId, written) -> byUser.put(userId, written.entries));
        return byUser;
    }

    /**
     * One user's entries, made as the fold passes its events. Sequence numbers of one stream are consecutive, so
     * the event after each one is known, and the v4 object is rendered only where an entry needs it.
     */
    private static final class Entries {
        private final Set<Long> shown;
        private final Map<Long, Map<String, Object>> entries = new HashMap<>();
        private Map<String, Object> before;

        Entries(Set<Long> shown, UserFold start) {
            this.shown = shown;
            this.before = shown.contains(start.sequence() + 1) ? view(start) : Map.of();
        }

        void passed(RecordedEvent event, UserFold after) {
            boolean wanted = shown.contains(event.sequence());
            if (!wanted && !shown.contains(event.sequence() + 1)) {
                return;
            }
            Map<String, Object> now = view(after);
            if (wanted) {
                entries.put(event.sequence(), json(event, changes(before, now)));
            }
            before = now;
        }
    }

    /** The v4 object after the fold's events; empty before the creation. */
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
