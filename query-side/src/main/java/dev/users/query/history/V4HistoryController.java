package dev.users.query.history;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.history.HistoryEntries.HistoryEntry;
import dev.users.query.list.ListPage;
import dev.users.web.Caller;
import dev.users.web.PrefixIds;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v4/users/:id/history} and {@code …/verify}. History: a user's events from the event store (removed users too), each with what
 * it changed in the v4 object and who caused it, in PagerTree's list envelope. The whole stream is folded for
 * every page, because an entry's {@code changes} depend on every event before it.
 */
@RestController
public class V4HistoryController {

    private final UserEventLog events;
    private final ConsistencyCheck check;

    public V4HistoryController(UserEventLog events, ConsistencyCheck check) {
        this.events = events;
        this.check = check;
    }

    /**
     * {@code GET /api/v4/users/:id/verify}: the user rebuilt from its events against what the read models answer;
     * {@code consistent}, or every differing field with both values.
     */
    @GetMapping("/api/v4/users/{id}/verify")
    public Map<String, Object> verify(Caller caller, @PathVariable("id") String id) {
        UUID userId = PrefixIds.parse(PrefixIds.USER, id).orElseThrow(() -> notFound(id));
        return check.of(caller.accountId(), userId).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/api/v4/users/{id}/history")
    public Map<String, Object> history(Caller caller,
                                       @PathVariable("id") String id,
                                       @RequestParam MultiValueMap<String, String> params) {
        UUID userId = PrefixIds.parse(PrefixIds.USER, id).orElseThrow(() -> notFound(id));
        HistoryParams query = HistoryParams.parse(params);
        List<HistoryEntry> entries = HistoryEntries.of(events.ofUser(userId), caller.accountId())
                .orElseThrow(() -> notFound(id));
        List<Map<String, Object>> shown = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            if (query.shows(entry.event())) {
                shown.add(entry.json());
            }
        }
        if (query.newestFirst()) {
            Collections.reverse(shown);
        }
        long offset = Math.min(query.page().offset(), shown.size());
        int end = (int) Math.min(shown.size(), offset + query.page().limit() + 1L);
        return ListPage.of(shown.subList((int) offset, end), query.page(), shown.size()).toJson();
    }

    private static UsersException notFound(String id) {
        return new UsersException(ErrorCode.NOT_FOUND, "user " + id + " not found");
    }
}
