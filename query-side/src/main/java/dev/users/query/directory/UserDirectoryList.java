package dev.users.query.directory;

import dev.users.query.list.FilterSql;
import dev.users.query.list.ListedRows;
import dev.users.query.list.ListPage;
import dev.users.query.list.ListQuery;
import dev.users.query.list.Operator;
import dev.users.query.list.PageRequest;
import dev.users.query.list.SqlFragment;
import org.springframework.jdbc.core.RowMapper;
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
 * {@link ListQuery} (built against its attribute whitelist) and its renderer. v4's lists hold every account user of
 * the account, its accepted members too ({@link #list}); v3's only its own users ({@link #byTinyId}).
 */
@Component
public class UserDirectoryList {

    /** Array columns whose values belong to one user each (or very few): see {@link #isNarrow}. */
    private static final Set<String> NARROW_COLUMNS = Set.of("email_addresses", "phone_numbers");

    /** The directory's columns, which the members' view has under the same names. */
    private static final String COLUMNS = Column.names(DirectoryColumns.ALL);

    private static final RowMapper<ListedUser> LISTED = (rs, n) -> new ListedUser(UserRows.MAPPER.mapRow(rs, n),
            rs.getObject("membership_id", UUID.class), rs.getString("notification_rule_id"));

    private final JdbcClient jdbc;

    public UserDirectoryList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the account's account users: its own users and, in the same order and count, its accepted
     * memberships of persons from other accounts (V50's {@code member_directory}). The count is read first, and
     * with it whether the account has any accepted membership (a probe of a small partial index): an account
     * without one, the common case, then runs the very page query it always ran. With members, each side gives its
     * first {@code offset + limit + 1} rows in the list's order (the own side still through its index) and the page
     * is cut from both.
     */
    public ListPage list(UUID accountId, ListQuery query, Function<ListedUser, Map<String, Object>> render) {
        SqlFragment own = where(query, ListedRows.DIRECTORY);
        OwnCount counted = ownCount(accountId, own);
        String order = FilterSql.orderBy(query.sort(), "user_id");
        String ownRows = DirectoryColumns.SELECT + " where account_id = :account" + own.sql();
        List<ListedUser> rows;
        long total = counted.users();
        if (!counted.anyMember()) {
            rows = jdbc.sql(ordered(ownRows, order, query) + " limit :limit offset :offset")
                    .params(own.params())
                    .param("account", accountId)
                    .param("limit", query.page().limit() + 1)
                    .param("offset", query.page().offset())
                    .query(UserRows.MAPPER)
                    .list().stream().map(row -> new ListedUser(row, null, null)).toList();
        } else {
            SqlFragment members = where(query, ListedRows.MEMBERS);
            String memberRows = "select " + COLUMNS + ", membership_id, notification_rule_id from member_directory"
                    + " where account_id = :account" + members.sql();
            String ownAsListed = "select *, cast(null as uuid) as membership_id, cast(null as text)"
                    + " as notification_rule_id from (" + ordered(ownRows, order, query) + " limit :reach) own";
            rows = jdbc.sql("select * from (" + ownAsListed + " union all (" + memberRows + order + " limit :reach))"
                            + " listed" + order + " limit :limit offset :offset")
                    .params(own.params())
                    .param("account", accountId)
                    .param("reach", (long) query.page().offset() + query.page().limit() + 1)
                    .param("limit", query.page().limit() + 1)
                    .param("offset", query.page().offset())
                    .query(LISTED)
                    .list();
            total += memberCount(accountId, members);
        }
        return ListPage.of(rows.stream().map(render).toList(), query.page(), total);
    }

    /** The own users' rows in the list's order, found first by a narrow filter's GIN index when there is one. */
    private static String ordered(String rows, String order, ListQuery query) {
        return isNarrow(query) ? "with matched as materialized (" + rows + ") select * from matched" + order
                : rows + order;
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
    private static SqlFragment where(ListQuery query, ListedRows rows) {
        SqlFragment filters = FilterSql.conditions(query.filters(), rows);
        if (query.search() == null) {
            return filters;
        }
        Map<String, Object> params = new HashMap<>(filters.params());
        params.put("q", "%" + FilterSql.escapeLike(query.search()) + "%");
        return new SqlFragment(filters.sql() + " and " + rows.lookup("search_text ilike :q escape '\\'"),
                params);
    }

    /** How many of the account's own users match, and whether the account has any accepted member at all. */
    private record OwnCount(long users, boolean anyMember) {
    }

    /**
     * Unfiltered lists read the count the projection keeps; only filtered ones pay for count(*). The probe for
     * members rides along in the same statement: no round trip of its own.
     */
    private OwnCount ownCount(UUID accountId, SqlFragment own) {
        String users = own.sql().isEmpty()
                ? "coalesce((select user_count from account_user_counts where account_id = :account), 0)"
                : "(select count(*) from user_directory where account_id = :account" + own.sql() + ")";
        return jdbc.sql("select " + users + " as users, exists (select 1 from account_memberships"
                        + " where account_id = :account and state = 'accepted') as any_member")
                .params(own.params())
                .param("account", accountId)
                .query((rs, n) -> new OwnCount(rs.getLong("users"), rs.getBoolean("any_member")))
                .single();
    }

    private long memberCount(UUID accountId, SqlFragment members) {
        return jdbc.sql("select count(*) from member_directory where account_id = :account" + members.sql())
                .params(members.params())
                .param("account", accountId)
                .query(Long.class)
                .single();
    }
}
