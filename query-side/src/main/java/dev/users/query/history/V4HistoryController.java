package dev.users.query.history;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v4/users/:id/history} and {@code …/verify}. History: a user's events from the event store (removed users too), each with what
 * it changed in the v4 object and who caused it, in PagerTree's list envelope. The page is chosen from the events
 * alone (type, time, order); the whole stream is then folded, because an entry's {@code changes} depend on every
 * event before it, and only the page's entries are rendered.
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
        List<RecordedEvent> stream = events.ofUser(userId);
        if (!PastStates.ofAccount(stream, caller.accountId())) {
            throw notFound(id);
        }
        List<RecordedEvent> shown = new ArrayList<>();
        for (RecordedEvent event : stream) {
            if (query.shows(event)) {
                shown.add(event);
            }
        }
        if (query.newestFirst()) {
            Collections.reverse(shown);
        }
        long offset = Math.min(query.page().offset(), shown.size());
        int end = (int) Math.min(shown.size(), offset + query.page().limit() + 1L);
        List<RecordedEvent> page = shown.subList((int) offset, end);
        Set<Long> sequences = new HashSet<>();
        page.forEach(event -> sequences.add(event.sequence()));
        Map<Long, Map<String, Object>> entries = HistoryEntries.of(stream, sequences);
        List<Map<String, Object>> data = new ArrayList<>(page.size());
        page.forEach(event -> data.add(entries.get(event.sequence())));
        return ListPage.of(data, query.page(), shown.size()).toJson();
    }

    private static UsersException notFound(String id) {
        return new UsersException(ErrorCode.NOT_FOUND, "user " + id + " not found");
    }
}
