package dev.users.app.crash;

import dev.users.app.crash.WriteLoad.WrittenUser;
import dev.users.app.support.Http;
import dev.users.app.support.ServiceProcess;
import dev.users.web.Timestamps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built service, killed with SIGKILL in the middle of a write load and started again on the same data
 * directory: it is ready by itself (within 45 s), every acknowledged write is there, and nothing was applied twice.
 * Once with its embedded PostgreSQL left running as an orphan (the JVM alone killed, as by the out-of-memory killer),
 * once with PostgreSQL killed too (a power loss: its crash recovery runs at the next start).
 */
class CrashRecoveryIT {

    private static final String KEY = "usk_crash_recovery_key";
    // far below the 60 s a stuck start would take, far above the 4-14 s a start takes on a busy 2-core machine: the test
    // proves the service comes up by itself; how fast is a figure it prints (and bench/run measures start-up)
    private static final Duration READY_AFTER_CRASH = Duration.ofSeconds(45);
    private static final int CLIENTS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;
    /** Each directory row's email addresses (they live in its lookup row, V9). */
    private static final String DIRECTORY_EMAILS =
            "user_directory JOIN user_directory_lookup USING (user_id), unnest(email_addresses) e";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<ServiceProcess> launched = new ArrayList<>();

    @AfterEach
    void endEverything() throws InterruptedException {
        for (ServiceProcess service : launched) {
            service.close();
        }
        ServiceProcess.endServerLeftOn(work.resolve("data"));
    }

    @Test
    void aServiceKilledAloneComesBackWithEveryAcknowledgedWrite() throws Exception {
        crashAndRecover("JVM killed, PostgreSQL left running", false);
    }

    @Test
    void aServiceKilledWithItsDatabaseComesBackWithEveryAcknowledgedWrite() throws Exception {
        crashAndRecover("JVM and PostgreSQL killed (power loss)", true);
    }

    private void crashAndRecover(String crash, boolean withDatabase) throws Exception {
        Path dataDir = work.resolve("data");
        int httpPort = ServiceProcess.freePort();
        int postgresPort = ServiceProcess.freePort();
        ServiceProcess first = launch(dataDir, httpPort, postgresPort, "first.log");
        first.awaitReady(Duration.ofSeconds(90));

        WriteLoad load = WriteLoad.start(first.http(KEY), CLIENTS);
        await().atMost(Duration.ofSeconds(60))
                .failFast("the write clients ended before the kill", load::ended)
                .failFast("a write was not acknowledged",
                        () -> assertThat(load.unexpectedAnswers()).as("answers other than an acknowledgement").isEmpty())
                .until(() -> load.acknowledged() >= ACKNOWLEDGED_BEFORE_KILL && load.updates() > 0
                        && load.signIns() > 0);
        Optional<ProcessHandle> orphan = Optional.empty();
        if (withDatabase) {
            first.killJvmAndDatabase();
        } else {
            first.killJvm();
            orphan = first.postmaster();
            assertThat(orphan).as("the embedded PostgreSQL outlives its JVM").isPresent();
        }
        load.awaitEnd(Duration.ofSeconds(30));
        assertThat(load.unexpectedAnswers()).as("answers other than an acknowledgement").isEmpty();

        // on another PostgreSQL port, as a start without users.embedded.port picks one: on the same port, a start
        // that failed to start its own server could be served by the orphan instead
        ServiceProcess second = launch(dataDir, httpPort, ServiceProcess.freePort(), "second.log");
        Duration ready = second.awaitReady(Duration.ofSeconds(60));
        System.out.printf("[crash-recovery] %s: ready %d ms after the restart; %d acknowledged writes "
                        + "(%d creates, %d renames, %d sign-ins; %d of them 202), checked after the restart%n",
                crash, ready.toMillis(), load.acknowledged(), load.creates(), load.updates(), load.signIns(),
                load.accepted());
        assertThat(ready).as("time to ready after the crash").isLessThanOrEqualTo(READY_AFTER_CRASH);

        assertThat(orphan.filter(ProcessHandle::isAlive)).as("the PostgreSQL server left running").isEmpty();

        Http http = second.http(KEY);
        // at once read-your-writes again: the dead service's token claim does not hold the projection back. The
        // projection applies events in store order, so once this is visible all events before it are too.
        var fresh = http.post("/api/v4/users", Map.of("name", "After The Crash", "email", "after-crash@example.com"));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);

        everyAcknowledgedWriteIsReadable(http, load.users());
        nothingIsAppliedTwice(second, load);
        if (!withDatabase) {
            aSecondServiceOnTheDirectoryIsRefused(dataDir, second);
        }
    }

    private ServiceProcess launch(Path dataDir, int httpPort, int postgresPort, String log) {
        ServiceProcess service = ServiceProcess.launch(dataDir, httpPort, postgresPort, KEY, work.resolve(log));
        launched.add(service);
        return service;
    }

    private static void everyAcknowledgedWriteIsReadable(Http http, List<WrittenUser> users) {
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

    private static void nothingIsAppliedTwice(ServiceProcess service, WriteLoad load) throws SQLException {
        try (Connection db = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
             Statement sql = db.createStatement()) {
            assertThat(rows(sql, "SELECT e FROM " + DIRECTORY_EMAILS + " GROUP BY e HAVING count(*) > 1"))
                    .as("emails of more than one user").isEmpty();
            assertThat(rows(sql, "SELECT tiny_id FROM user_directory GROUP BY tiny_id HAVING count(*) > 1"))
                    .as("tiny ids given twice").isEmpty();
            assertThat(rows(sql, "SELECT account_id FROM account_user_counts c FULL JOIN (SELECT account_id, "
                    + "count(*) AS n FROM user_directory GROUP BY account_id) d USING (account_id) "
                    + "WHERE coalesce(c.user_count, 0) <> coalesce(d.n, 0)"))
                    .as("accounts whose user count differs from their directory rows").isEmpty();
            String lastEvents = "user_directory d JOIN (SELECT aggregateidentifier, max(sequencenumber) AS last "
                    + "FROM domainevententry GROUP BY aggregateidentifier) e ON e.aggregateidentifier = d.user_id::text";
            assertThat(rows(sql, "SELECT count(*) FROM " + lastEvents))
                    .isEqualTo(rows(sql, "SELECT count(*) FROM user_directory"));
            assertThat(rows(sql, "SELECT user_id FROM " + lastEvents + " WHERE d.version <> e.last"))
                    .as("users whose read model is not at their last stored event").isEmpty();
            assertThat(rows(sql, "SELECT user_id || ' ' || signed_in_at FROM sign_in_audit "
                    + "GROUP BY user_id, signed_in_at HAVING count(*) > 1")).as("sign-ins audited twice").isEmpty();

            Set<String> created = new HashSet<>(rows(sql, "SELECT e FROM " + DIRECTORY_EMAILS + " WHERE e LIKE 'crash-%'"));
            Set<String> possible = new HashSet<>(load.unansweredCreates());
            load.users().forEach(user -> possible.add(user.email));
            assertThat(created).as("users created").containsAll(
                    load.users().stream().map(user -> user.email).toList());
            assertThat(possible).as("users created: acknowledged or sent without an answer").containsAll(created);

            try (PreparedStatement audit = db.prepareStatement("SELECT to_char(signed_in_at AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM sign_in_audit WHERE user_id = ?::uuid ORDER BY signed_in_at")) {
                for (WrittenUser user : load.users()) {
                    audit.setString(1, user.id);
                    List<String> audited = rows(audit.executeQuery());
                    List<String> acknowledged = user.signIns.stream().map(Instant::toString).toList();
                    assertThat(audited).as("audited sign-ins of %s", user.email)
                            .isIn(acknowledged, plus(acknowledged, text(user.unansweredSignIn)));
                }
            }
        }
    }

    private void aSecondServiceOnTheDirectoryIsRefused(Path dataDir, ServiceProcess running) throws Exception {
        ServiceProcess sibling = launch(dataDir, ServiceProcess.freePort(), ServiceProcess.freePort(), "sibling.log");
        assertThat(sibling.awaitExit(Duration.ofSeconds(60))).as("exit code of the refused start").isNotZero();
        assertThat(sibling.output()).contains("is in use by users service, pid");
        assertThat(running.isAlive()).isTrue();
        assertThat(running.http(KEY).get("/api/v4/users?limit=1").status()).isEqualTo(200);
        assertThat(running.postmaster()).as("the running service's PostgreSQL").isPresent();
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        return rows(sql.executeQuery(query));
    }

    private static List<String> rows(ResultSet result) throws SQLException {
        List<String> values = new ArrayList<>();
        try (result) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
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
