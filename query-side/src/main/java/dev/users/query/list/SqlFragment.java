package dev.users.query.list;

import java.util.Map;

/** A piece of SQL with named parameters ({@code :name}) and their values, for Spring's JdbcClient. */
public record SqlFragment(String sql, Map<String, Object> params) {

    public SqlFragment {
        params = Map.copyOf(params);
    }
}
