package dev.users.app.external;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models against the events, in the database itself: each event applied once (every directory row at its
 * user's last event, no address or tiny id twice, the accounts' counts equal to their rows, no sign-in audited twice),
 * and each load's acknowledged sign-ins audited exactly (plus, at most, the one sent without an acknowledgement).
 */
final class ReadModelChecks {

    private static final String LAST_EVENTS = "user_directory d JOIN (SELECT aggregateidentifier, "
            + "max(sequencenumber) AS last FROM domainevententry GROUP BY aggregateidentifier) e "
            + "ON e.aggregateidentifier = d.user_id::text";

    private ReadModelChecks() {
    }

    static void eachEventAppliedOnce(Connection db, List<MixedLoad.User> users) throws SQLException {
        try (Statement sql = db.createStatement()) {
            assertThat(rows(sql, "SELECT e FROM user_directory JOIN user_directory_lookup USING (user_id), "
                    + "unnest(email_addresses) e GROUP BY e HAVING count(*) > 1")).as("emails of more than one user")
                    .isEmpty();
            assertThat(rows(sql, "SELECT tiny_id FROM user_directory GROUP BY tiny_id HAVING count(*) > 1"))
                    .as("tiny ids given twice").isEmpty();
            assertThat(rows(sql, "SELECT account_id FROM account_user_counts c FULL JOIN (SELECT account_id, "
                    + "count(*) AS n FROM user_directory GROUP BY account_id) d USING (account_id) "
                    + "WHERE coalesce(c.user_count, 0) <> coalesce(d.n, 0)"))
                    .as("accounts whose user count differs from their directory rows").isEmpty();
            assertThat(rows(sql, "SELECT count(*) FROM " + LAST_EVENTS))
                    .isEqualTo(rows(sql, "SELECT count(*) FROM user_directory"));
            assertThat(rows(sql, "SELECT user_id FROM " + LAST_EVENTS + " WHERE d.version <> e.last"))
                    .as("users whose read model is not at their last stored event").isEmpty();
            assertThat(rows(sql, "SELECT user_id || ' ' || signed_in_at FROM sign_in_audit "
                    + "GROUP BY user_id, signed_in_at HAVING count(*) > 1")).as("sign-ins audited twice").isEmpty();
        }
        try (PreparedStatement audit = db.prepareStatement("SELECT to_char(signed_in_at AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM sign_in_audit WHERE user_id = ?::uuid ORDER BY signed_in_at")) {
            for (MixedLoad.User user : users) {
                audit.setString(1, user.id);
                List<String> audited = rows(audit.executeQuery());
                List<String> acknowledged = user.signIns.stream().map(Instant::toString).toList();
                List<String> withUnacknowledged = new ArrayList<>(acknowledged);
                if (user.unacknowledgedSignIn != null) {
                    withUnacknowledged.add(user.unacknowledgedSignIn.toString());
                }
                assertThat(audited).as("audited sign-ins of %s", user.email).isIn(acknowledged, withUnacknowledged);
            }
        }
    }

    static List<String> rows(Statement sql, String query) throws SQLException {
        return rows(sql.executeQuery(query));
    }

    static List<String> rows(ResultSet result) throws SQLException {
        List<String> values = new ArrayList<>();
        try (result) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
