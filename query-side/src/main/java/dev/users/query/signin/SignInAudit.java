package dev.users.query.signin;

import dev.users.query.list.ListPage;
import dev.users.query.list.PageRequest;
import dev.users.query.export.CsvExport;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static dev.users.query.list.SqlValues.instant;
import static dev.users.query.list.SqlValues.timestamp;

/**
 * Reads the sign-in audit of one account, or of one user in it, newest first, optionally limited to sign-ins in
 * the half-open range [from, to) so that consecutive ranges never count a sign-in twice.
 */
@Component
public class SignInAudit {

    private static final RowMapper<SignInRow> MAPPER = (rs, n) -> new SignInRow(rs.getString("event_id"),
            rs.getObject("user_id", UUID.class), rs.getObject("account_id", UUID.class),
            instant(rs, "previous_sign_in_at"), instant(rs, "signed_in_at"), instant(rs, "recorded_at"),
            rs.getString("api_key_id"));

    private static final String ORDER = " order by signed_in_at desc, event_id desc";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate cursor;

    public SignInAudit(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.cursor = CsvExport.cursor(dataSource);
    }

    /** @param userId null for the whole account */
    public ListPage list(UUID accountId, UUID userId, Instant from, Instant to, PageRequest page,
                         Function<SignInRow, Map<String, Object>> render) {
        Map<String, Object> params = new HashMap<>();
        String where = where(accountId, userId, from, to, params);
        List<SignInRow> rows = jdbc.sql("select * from sign_in_audit" + where + ORDER + " limit :limit offset :offset")
                .params(params)
                .param("limit", page.limit() + 1)
                .param("offset", page.offset())
                .query(MAPPER)
                .list();
        long total = jdbc.sql("select count(*) from sign_in_audit" + where).params(params).query(Long.class).single();
        return ListPage.of(rows.stream().map(render).toList(), page, total);
    }

    /**
     * Every row {@link #list} would page through, in its order, handed over one at a time as a cursor reads them;
     * run inside {@code CsvExport.write}'s transaction, which makes the cursor.
     */
    public void each(UUID accountId, UUID userId, Instant from, Instant to, Consumer<SignInRow> each) {
        Map<String, Object> params = new HashMap<>();
        String where = where(accountId, userId, from, to, params);
        cursor.query("select * from sign_in_audit" + where + ORDER, params,
                (ResultSet rs) -> each.accept(MAPPER.mapRow(rs, 0)));
    }

    private static String where(UUID accountId, UUID userId, Instant from, Instant to, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where account_id = :account");
        params.put("account", accountId);
        if (userId != null) {
            where.append(" and user_id = :user");
            params.put("user", userId);
        }
        if (from != null) {
            where.append(" and signed_in_at >= :from");
            params.put("from", timestamp(from));
        }
        if (to != null) {
            where.append(" and signed_in_at < :to");
            params.put("to", timestamp(to));
        }
        return where.toString();
    }
}
