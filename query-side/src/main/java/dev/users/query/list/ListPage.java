package dev.users.query.list;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page of a list in PagerTree's envelope: {@code {"data":[…],"has_more":bool,"total_count":n}}. */
public record ListPage(List<Map<String, Object>> data, boolean hasMore, long totalCount) {

    public Map<String, Object> toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("has_more", hasMore);
        body.put("total_count", totalCount);
        return body;
    }

    /**
     * The page from rows fetched with {@code limit + 1}: the extra row only tells that more follow, without a
     * second query.
     */
    public static ListPage of(List<Map<String, Object>> rowsPlusOne, PageRequest page, long totalCount) {
        boolean hasMore = rowsPlusOne.size() > page.limit();
        List<Map<String, Object>> data = hasMore ? rowsPlusOne.subList(0, page.limit()) : rowsPlusOne;
        return new ListPage(List.copyOf(data), hasMore, totalCount);
    }
}
