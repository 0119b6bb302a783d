package dev.users.query.history;

import dev.users.query.directory.UserRow;
import dev.users.query.directory.UserRows;
import dev.users.query.history.PastStates.PastState;
import dev.users.query.v3.V3UserRenderer;
import dev.users.query.v4.V4UserRenderer;
import dev.users.web.Timestamps;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Proof that the read model matches the events: the user rebuilt from its events ({@link PastStates}) against the
 * directory row, compared as each surface renders them (v4 and v3), so a difference is named in the terms a
 * client sees. A removed user must have no row; a live one must have one at the events' version.
 */
@Component
public class ConsistencyCheck {

    private final PastStates states;
    private final UserRows rows;

    public ConsistencyCheck(PastStates states, UserRows rows) {
        this.states = states;
        this.rows = rows;
    }

    /** The check's answer, or empty when the user is unknown or another account's. */
    public Optional<Map<String, Object>> of(UUID accountId, UUID userId) {
        return states.now(accountId, userId).map(state -> answer(state, rows.find(accountId, userId)));
    }

    private static Map<String, Object> answer(PastState events, Optional<UserRow> readModel) {
        List<Map<String, Object>> differences = new ArrayList<>();
        boolean removed = events.removedAt() != null;
        if (removed != readModel.isEmpty()) {
            differences.add(difference("directory", "exists", !removed, readModel.isPresent()));
        } else if (readModel.isPresent()) {
            UserRow row = readModel.get();
            if (row.version() != events.row().version()) {
                differences.add(difference("directory", "version", events.row().version(), row.version()));
            }
            compare("v4", V4UserRenderer::render, events.row(), row, differences);
            compare("v3", V3UserRenderer::render, events.row(), row, differences);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("consistent", differences.isEmpty());
        answer.put("version", events.row().version());
        answer.put("removed_at", Timestamps.of(events.removedAt()));
        answer.put("differences", differences);
        return answer;
    }

    private static void compare(String surface, Function<UserRow, Map<String, Object>> renderer, UserRow fromEvents,
                                UserRow fromReadModel, List<Map<String, Object>> differences) {
        Map<String, Object> expected = renderer.apply(fromEvents);
        Map<String, Object> actual = renderer.apply(fromReadModel);
        for (String field : expected.keySet()) {
            if (!Objects.equals(expected.get(field), actual.get(field))) {
                differences.add(difference(surface, field, expected.get(field), actual.get(field)));
            }
        }
    }

    static Map<String, Object> difference(String surface, String field, Object events, Object readModel) {
        Map<String, Object> difference = new LinkedHashMap<>();
        difference.put("surface", surface);
        difference.put("field", field);
        difference.put("events", events);
        difference.put("read_model", readModel);
        return difference;
    }
}
