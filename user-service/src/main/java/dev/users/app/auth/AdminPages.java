package dev.users.app.auth;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.query.list.ListPage;
import dev.users.query.list.PageRequest;
import dev.users.query.list.QueryParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A page of an administrative list (accounts, keys, certificates) in the v4 list shape, from {@code limit}/{@code offset}. */
final class AdminPages {

    private AdminPages() {
    }

    /** Rows {@code fetch(limit + 1, offset)} rendered by {@code render}, with {@code total} as the total count. */
    static <T> Map<String, Object> page(Map<String, List<String>> params, BiFunction<Integer, Long, List<T>> fetch,
                                        Function<T, Map<String, Object>> render, long total) {
        QueryParams.checkText(params);
        List<String> problems = new ArrayList<>();
        PageRequest page = PageRequest.parse(params, problems);
        if (!problems.isEmpty()) {
            throw new UsersException(ErrorCode.INVALID, problems);
        }
        List<Map<String, Object>> rows = fetch.apply(page.limit() + 1, page.offset()).stream().map(render).toList();
        return ListPage.of(rows, page, total).toJson();
    }
}
