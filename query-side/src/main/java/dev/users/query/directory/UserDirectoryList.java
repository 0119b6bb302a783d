package dev.users.query.directory;

import dev.users.query.list.FilterSql;
import dev.users.query.list.ListPage;
import dev.users.query.list.ListQuery;
import dev.users.query.list.Operator;
import dev.users.query.list.PageRequest;
import dev.users.query.list.SqlFragment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Lists one account's users from the directory for any surface: the surface brings its own checked
 * {@link ListQuery} (built against its attribute whitelist) and its renderer.
 */
@Component
public class UserDirectoryList {

    /** Array columns whose values belong to one user each (or very few): see {@link #isNarrow}. */
    private static final Set<String> NARROW_COLUMNS = Set.of("email_addresses", "phone_numbers");

    private final JdbcClient jdbc;

    public UserDirectoryList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ListPage list(UUID accountId, ListQuery query, Function<UserRow, Map<String, Object>> render) {
        SqlFragment where = where(query);
        String matching = DirectoryColumns.SELECT + " where account_id = :account" + where.sql();
        String page = FilterSql.orderBy(query.sort(), "user_id") + " limit :limit offset :offset";
        String sql = isNarrow(query)
                ? "with matched as materialized (" + matching + ") select * from matched" + page
                : matching + page;
        List<UserRow> rows = jdbc.sql(sql)
                .params(where.params())
                .param("account", accountId)
                .param("limit", query.page().limit() + 1)
                .param("offset", query.page().offset())
                .query(UserRows.MAPPER)
                .list();
        return ListPage.of(rows.stream().map(render).toList(), query.page(), total(accountId, where));
    }

    /**
     * Whether a filter matches at most a handful of users (an email address or phone number): their rows are then
     * found first, through the array's GIN index, and sorted after. PostgreSQL cannot estimate how few rows match an
     * array containment and, given a LIMIT, walks the sort order's index instead, filtering the whole account, which
     * grows with the account while this way does not.
     */
    private static boolean isNarrow(ListQuery query) {
        return query.filters().stream().anyMatch(filter -> filter.operator() == Operator.EQUALS
                && NARROW_COLUMNS.contains(filter.attribute().sql()));
    }

    /**
     * The account's users by tiny id (creation order) without an envelope, as v3 lists them: one page when
     * {@code page} is given, otherwise all of them.
     */
    public List<Map<String, Object>> byTinyId(UUID accountId, PageRequest page,
                                              Function<UserRow, Map<String, Object>> render) {
        String sql = DirectoryColumns.SELECT + " where account_id = :account order by tiny_id, user_id";
        JdbcClient.StatementSpec statement = page == null ? jdbc.sql(sql)
                : jdbc.sql(sql + " limit :limit offset :offset").param("limit", page.limit())
                .param("offset", page.offset());
        return statement.param("account", accountId).query(UserRows.MAPPER).list().stream().map(render).toList();
    }

    /**
     * The filters, and {@code q} as one ILIKE on {@code search_text}: name, emails, phones and roles joined by
     * newlines in a trigram-indexed column of the lookup table (V5, V9). The parser keeps control characters out of
     * {@code q}, so a match always lies inside one of the values.
     */
    private static SqlFragment where(ListQuery query) {
        SqlFragment filters = FilterSql.conditions(query.filters());
        if (query.search() == null) {
            return filters;
        }
        Map<String, Object> params = new HashMap<>(filters.params());
        params.put("q", "%" + FilterSql.escapeLike(query.search()) + "%");
        return new SqlFragment(filters.sql() + " and " + FilterSql.inLookup("search_text ilike :q escape '\\'"),
                params);
    }

    /** Unfiltered lists read the count the projection keeps; only filtered ones pay for count(*). */
    private long total(UUID accountId, SqlFragment where) {
        if (where.sql().isEmpty()) {
            return jdbc.sql("select user_count from account_user_counts where account_id = ?")
                    .param(accountId).query(Long.class).optional().orElse(0L);
        }
        return jdbc.sql("select count(*) from user_directory where account_id = :account" + where.sql())
                .params(where.params())
                .param("account", accountId)
                .query(Long.class)
                .single();
    }
}
