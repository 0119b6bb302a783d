package dev.users.query.list;

import java.util.List;

/**
 * A list request after validation: nothing in it comes unchecked from the client. {@code search} is the free-text
 * {@code q} (null when not given), stripped and free of control characters.
 */
public record ListQuery(List<Filter> filters, Sort sort, PageRequest page, String search) {

    public ListQuery {
        filters = List.copyOf(filters);
    }

    public ListQuery(List<Filter> filters, Sort sort, PageRequest page) {
        this(filters, sort, page, null);
    }
}
