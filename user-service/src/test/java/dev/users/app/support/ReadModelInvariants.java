package dev.users.app.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the read models must show whatever happened to the service (crashes, outages, two nodes): no address or tiny
 * id given twice, every account's user count equal to its directory rows, every directory row at its user's last
 * stored event, no sign-in audited twice.
 */
public final class ReadModelInvariants {

    private static final String LAST_EVENTS = "user_directory d JOIN (SELECT aggregateidentifier, "
            + "max(sequencenumber) AS last FROM domainevententry GROUP BY aggregateidentifier) e "
            + "ON e.aggregateidentifier = d.user_id::text";

    private ReadModelInvariants() {
    }

    public static void hold(Statement sql) throws SQLException {
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

    public static List<String> rows(Statement sql, String query) throws SQLException {
        return rows(sql.executeQuery(query));
    }

    public static List<String> rows(ResultSet result) throws SQLException {
        List<String> values = new ArrayList<>();
        try (result) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
