package dev.users.app.external;

import dev.users.app.support.ReadModelInvariants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.users.app.support.ReadModelInvariants.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models against the events, in the database itself: each event applied once (every directory row at its
 * user's last event, no address or tiny id twice, the accounts' counts equal to their rows, no sign-in audited twice),
 * and each load's acknowledged sign-ins audited exactly (plus, at most, the one sent without an acknowledgement).
 */
final class ReadModelChecks {

    private ReadModelChecks() {
    }

    static void eachEventAppliedOnce(Connection db, List<MixedLoad.User> users) throws SQLException {
        try (Statement sql = db.createStatement()) {
            ReadModelInvariants.hold(sql);
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
}
