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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v4/users/:id/history} and {@code …/verify}. History: a user's events from the event store (removed users too), each with what
 * it changed in the v4 object and who caused it, in PagerTree's list envelope. The page is chosen by the event
 * index alone (type, time, order); then only the page's events and those since the checkpoint before them are read
 * and folded ({@link HistoryEntries}).
 */
@RestController
public class V4HistoryController {

    private final HistoryIndex index;
    private final UserReplays replays;
    private final ConsistencyCheck check;

    V4HistoryController(HistoryIndex index, UserReplays replays, ConsistencyCheck check) {
        this.index = index;
        this.replays = replays;
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
        if (!index.isOf(userId, caller.accountId())) {
            throw notFound(id);
        }
        List<Long> page = index.page(userId, query);
        Map<Long, Map<String, Object>> entries = HistoryEntries.of(replays, userId, new HashSet<>(page));
        List<Map<String, Object>> data = new ArrayList<>(page.size());
        page.forEach(sequence -> data.add(entries.get(sequence)));
        return ListPage.of(data, query.page(), index.count(userId, query)).toJson();
    }

    private static UsersException notFound(String id) {
        return new UsersException(ErrorCode.NOT_FOUND, "user " + id + " not found");
    }
}
