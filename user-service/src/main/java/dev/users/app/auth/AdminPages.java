package dev.users.app.auth;

import dev.users.query.list.ListPage;
import dev.users.query.list.PageRequest;

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
        PageRequest page = PageRequest.ofPagingOnly(params);
        List<Map<String, Object>> rows = fetch.apply(page.limit() + 1, page.offset()).stream().map(render).toList();
        return ListPage.of(rows, page, total).toJson();
    }
}
