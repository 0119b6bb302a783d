package dev.users.query.signin;

import dev.users.query.batch.BatchWrites;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import static dev.users.query.list.SqlValues.array;
import static dev.users.query.list.SqlValues.iso;
import static dev.users.query.list.SqlValues.storable;

/**
 * The audit rows of one batch, inserted by one statement whose parameters are one array per column (a JDBC batch of
 * single-row inserts costs PostgreSQL a bind and an execution per row); an event already audited inserts nothing.
 * Timestamps travel as ISO-8601 text, which PostgreSQL reads exactly; the texts (event id, API key id) are made
 * storable first ({@code SqlValues.storable}).
 */
final class SignInRows implements BatchWrites {

    private static final String INSERT = "insert into sign_in_audit (event_id, user_id, account_id,"
            + " previous_sign_in_at, signed_in_at, recorded_at, api_key_id)"
            + " select * from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[]::timestamptz[],"
            + " ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[])"
            + " on conflict (user_id, signed_in_at, event_id) do nothing";

    private static final String DELETE = "delete from sign_in_audit where user_id = any(?::uuid[])";

    private final JdbcTemplate jdbc;
    private final List<SignInRow> rows = new ArrayList<>();
    private final Set<UUID> erased = new LinkedHashSet<>();

    SignInRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(SignInRow row) {
        rows.add(row);
    }

    /** The person was erased: their audit rows go, those stored and those this batch still holds. */
    void erase(UUID userId) {
        rows.removeIf(row -> row.userId().equals(userId));
        erased.add(userId);
    }

    @Override
    public Set<UUID> users() {
        Set<UUID> users = new LinkedHashSet<>();
        rows.forEach(row -> users.add(row.userId()));
        users.addAll(erased);
        return users;
    }

    @Override
    public void write(Predicate<UUID> only) {
        List<UUID> erasedUsers = erased.stream().filter(only).toList();
        if (!erasedUsers.isEmpty()) {
            jdbc.update(DELETE, ps -> ps.setArray(1, array(ps, "uuid", List.copyOf(erasedUsers))));
        }
        List<SignInRow> rows = this.rows.stream().filter(row -> only.test(row.userId())).toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(INSERT, ps -> {
            column(ps, rows, 1, "text", row -> storable(row.eventId()));
            column(ps, rows, 2, "uuid", SignInRow::userId);
            column(ps, rows, 3, "uuid", SignInRow::accountId);
            column(ps, rows, 4, "text", row -> iso(row.previousSignInAt()));
            column(ps, rows, 5, "text", row -> iso(row.signedInAt()));
            column(ps, rows, 6, "text", row -> iso(row.recordedAt()));
            column(ps, rows, 7, "text", row -> storable(row.apiKeyId()));
        });
    }

    private static void column(PreparedStatement ps, List<SignInRow> rows, int index, String type,
                               Function<SignInRow, Object> value) throws SQLException {
        ps.setArray(index, array(ps, type, rows.stream().map(value).toList()));
    }
}
