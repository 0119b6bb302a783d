package dev.users.app.crash;

import dev.users.app.crash.WriteLoad.WrittenUser;
import dev.users.app.support.Http;
import dev.users.app.support.ReadModelInvariants;
import dev.users.app.support.ServiceProcess;
import dev.users.web.Timestamps;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.users.app.support.ReadModelInvariants.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a restart after a crash or a stop must show, whatever ended the previous process: every write a client got
 * an acknowledgement for is readable as acknowledged (or as the one write sent without an answer), and nothing was
 * applied twice (no address or tiny id given twice, every read-model row at its user's last event, no sign-in
 * audited twice, no user created that no client asked for).
 */
final class RecoveryChecks {

    /** Each directory row's email addresses (they live in its lookup row, V9). */
    private static final String DIRECTORY_EMAILS =
            "user_directory JOIN user_directory_lookup USING (user_id), unnest(email_addresses) e";

    private RecoveryChecks() {
    }

    static void everyAcknowledgedWriteIsReadable(Http http, List<WrittenUser> users) {
        // polled: writes answered 202 reach the read model a moment later
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (WrittenUser user : users) {
                var response = http.get("/api/v4/users/" + user.id);
                assertThat(response.status()).as("%s: %s", user.email, response).isEqualTo(200);
                JsonNode shown = response.json();
                assertThat(shown.path("emails").get(0).path("email").asString()).isEqualTo(user.email);
                assertThat(shown.path("name").asString()).as(user.email)
                        .isIn(acceptable(user.name, user.unansweredName));
                String lastSignIn = shown.path("last_sign_in_at").isNull() ? null
                        : shown.path("last_sign_in_at").asString();
                assertThat(lastSignIn).as("last sign-in of %s", user.email)
                        .isIn(acceptable(Timestamps.of(user.lastSignIn()), Timestamps.of(user.unansweredSignIn)));
            }
        });
    }

    static void nothingIsAppliedTwice(ServiceProcess service, List<WriteLoad> loads) throws SQLException {
        List<WrittenUser> users = loads.stream().flatMap(load -> load.users().stream()).toList();
        try (Connection db = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
             Statement sql = db.createStatement()) {
            ReadModelInvariants.hold(sql);

            Set<String> created = new HashSet<>(rows(sql, "SELECT e FROM " + DIRECTORY_EMAILS + " WHERE e LIKE 'crash-%'"));
            Set<String> possible = new HashSet<>();
            loads.forEach(load -> possible.addAll(load.unansweredCreates()));
            users.forEach(user -> possible.add(user.email));
            assertThat(created).as("users created").containsAll(users.stream().map(user -> user.email).toList());
            assertThat(possible).as("users created: acknowledged or sent without an answer").containsAll(created);

            try (PreparedStatement audit = db.prepareStatement("SELECT to_char(signed_in_at AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM sign_in_audit WHERE user_id = ?::uuid ORDER BY signed_in_at")) {
                for (WrittenUser user : users) {
                    audit.setString(1, user.id);
                    List<String> audited = rows(audit.executeQuery());
                    List<String> acknowledged = user.signIns.stream().map(Instant::toString).toList();
                    assertThat(audited).as("audited sign-ins of %s", user.email)
                            .isIn(acknowledged, plus(acknowledged, text(user.unansweredSignIn)));
                }
            }
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String[] acceptable(String acknowledged, String unanswered) {
        return new String[] {acknowledged, unanswered == null ? acknowledged : unanswered};
    }

    private static List<String> plus(List<String> values, String more) {
        List<String> all = new ArrayList<>(values);
        if (more != null) {
            all.add(more);
        }
        return all;
    }
}
