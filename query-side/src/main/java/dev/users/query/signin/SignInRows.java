package dev.users.query.signin;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.users.query.list.SqlValues.array;
import static dev.users.query.list.SqlValues.iso;

/**
 * The audit rows of one batch, inserted by one statement whose parameters are one array per column (a batch of
 * single-row inserts cost PostgreSQL a bind and an execution per row: a third of a bulk rebuild's writes); an event
 * already audited inserts nothing. Timestamps travel as ISO-8601 text, which PostgreSQL reads exactly.
 */
final class SignInRows {

    private static final String INSERT = "insert into sign_in_audit (event_id, user_id, account_id,"
            + " previous_sign_in_at, signed_in_at, recorded_at, api_key_id)"
            + " select * from unnest(?::text[], ?::uuid[], ?::uuid[], ?::text[]::timestamptz[],"
            + " ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[])"
            + " on conflict (user_id, signed_in_at, event_id) do nothing";

    private final List<SignInRow> rows = new ArrayList<>();

    void add(SignInRow row) {
        rows.add(row);
    }

    void insert(JdbcTemplate jdbc) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update(INSERT, ps -> {
            column(ps, 1, "text", SignInRow::eventId);
            column(ps, 2, "uuid", SignInRow::userId);
            column(ps, 3, "uuid", SignInRow::accountId);
            column(ps, 4, "text", row -> iso(row.previousSignInAt()));
            column(ps, 5, "text", row -> iso(row.signedInAt()));
            column(ps, 6, "text", row -> iso(row.recordedAt()));
            column(ps, 7, "text", SignInRow::apiKeyId);
        });
    }

    private void column(PreparedStatement ps, int index, String type, Function<SignInRow, Object> value)
            throws SQLException {
        ps.setArray(index, array(ps, type, rows.stream().map(value).toList()));
    }
}
