package dev.users.query.signin;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static dev.users.query.list.SqlValues.timestamp;

/** The audit rows of one batch, inserted with one JDBC batch; an event already audited inserts nothing. */
final class SignInRows {

    private static final String INSERT = "insert into sign_in_audit (event_id, user_id, account_id,"
            + " previous_sign_in_at, signed_in_at, recorded_at, api_key_id) values (?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (event_id) do nothing";

    private final List<SignInRow> rows = new ArrayList<>();

    void add(SignInRow row) {
        rows.add(row);
    }

    void insert(JdbcTemplate jdbc) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> {
            ps.setString(1, row.eventId());
            ps.setObject(2, row.userId());
            ps.setObject(3, row.accountId());
            ps.setObject(4, timestamp(row.previousSignInAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(5, timestamp(row.signedInAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setObject(6, timestamp(row.recordedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(7, row.apiKeyId());
        });
    }
}
