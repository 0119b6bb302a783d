package dev.users.query.list;

import java.util.List;

/** A list request after validation: nothing in it comes unchecked from the client. */
public record ListQuery(List<Filter> filters, Sort sort, PageRequest page) {

    public ListQuery {
        filters = List.copyOf(filters);
    }
}
