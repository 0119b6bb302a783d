package dev.users.query.history;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.events.EventTypes;
import dev.users.query.list.ClientTimestamp;
import dev.users.query.list.PageRequest;
import dev.users.query.list.QueryParams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a history read: PagerTree's paging, {@code direction} ({@code asc}, the default, or
 * {@code desc}), {@code type} (documented event types, comma-separated or repeated: any of them), and the
 * half-open range [{@code from}, {@code to}) of {@code occurred_at}. Every bad parameter is named in one 422.
 */
record HistoryParams(PageRequest page, boolean newestFirst, Set<String> types, Instant from, Instant to) {

    /** More types than the contract has are a mistake, and would only make the check slower. */
    private static final int MAX_TYPES = 100;

    static HistoryParams parse(Map<String, List<String>> params) {
        QueryParams.checkText(params);
        List<String> problems = new ArrayList<>();
        PageRequest page = PageRequest.parse(params, problems);
        String direction = QueryParams.single(params, "direction", problems);
        boolean newestFirst = false;
        if (direction != null) {
            switch (direction.strip()) {
                case "asc" -> newestFirst = false;
                case "desc" -> newestFirst = true;
                default -> problems.add("direction must be asc or desc");
            }
        }
        Set<String> types = types(params.getOrDefault("type", List.of()), problems);
        Instant from = ClientTimestamp.param(params, "from", problems);
        Instant to = ClientTimestamp.param(params, "to", problems);
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
        return new HistoryParams(page, newestFirst, types, from, to);
    }

    static Set<String> types(List<String> values, List<String> problems) {
        Set<String> types = new LinkedHashSet<>();
        for (String value : values) {
            for (String type : value.split(",", -1)) {
                String name = type.strip();
                if (types.size() >= MAX_TYPES) {
                    problems.add("type names more than " + MAX_TYPES + " event types");
                    return types;
                }
                if (!EventTypes.isCurrent(name)) {
                    problems.add("type must be documented event types such as " + EventTypes.of("UserCreated", "1")
                            + " (see docs/events.md)");
                    return types;
                }
                types.add(name);
            }
        }
        return types;
    }
}
