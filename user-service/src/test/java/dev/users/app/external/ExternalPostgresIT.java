package dev.users.app.external;

import dev.users.app.external.MixedLoad.Sample;
import dev.users.app.support.HeaderHttp;
import dev.users.app.support.Http;
import dev.users.app.support.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape: the built service as a child process on an external PostgreSQL
 * ({@code spring.datasource.url}), which is stopped for 10 s under a write and read load and started again on the
 * same directory and port. During the outage every request fails fast (a 503 with Retry-After in its surface's
 * error format, within 2 s) and health says the database is down; afterwards the service and its read models'
 * processor recover by themselves, and every write acknowledged before, during or after is readable.
 */
class ExternalPostgresIT {

    private static final String KEY = "usk_external_postgres_key";
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** The bound of the issue: a request during the outage is answered within 2 s (Hikari waits 1 s). */
    private static final long FAST_FAIL_MILLIS = 2_000;
    private static final int CLIENTS = 6;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aDatabaseOutageFailsRequestsFastAndTheServiceRecoversByItself() throws Exception {
        ExternalPostgres postgres = ExternalPostgres.start(work.resolve("postgres"), ServiceProcess.freePort());
        opened.add(postgres);
        Path dataDir = work.resolve("node");
        ServiceProcess service = ServiceProcess.launch(dataDir, ServiceProcess.freePort(),
                ServiceProcess.freePort(), KEY, work.resolve("service.log"), postgres.serviceSettings());
        opened.add(service);
        service.awaitReady(Duration.ofSeconds(90));

        Http http = service.http(KEY);
        theUsersAreInTheExternalDatabase(postgres, service, dataDir, http);

        MixedLoad load = MixedLoad.start(new HeaderHttp(service.httpPort(), KEY), CLIENTS, "outage");
        await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged() >= 200);

        long stoppedAt = System.nanoTime();
        postgres.stop();
        Http anonymous = new Http(service.httpPort(), null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Http.Response health = anonymous.get("/actuator/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.json().path("components").path("db").path("status").asString()).as(health.text())
                    .isEqualTo("DOWN");
        });
        // the outage's length is the scenario itself: the load keeps running meanwhile, nothing to wait for
        TimeUnit.NANOSECONDS.sleep(OUTAGE.toNanos() - (System.nanoTime() - stoppedAt));
        long restartedAt = System.nanoTime();
        postgres.start();

        Duration firstWrite = timeTo(restartedAt, () -> create(http, "first-after") / 100 == 2);
        Duration readYourWrites = timeTo(restartedAt, () -> create(http, "caught-up") == 201);
        await().atMost(Duration.ofSeconds(60)).until(() -> anonymous.get("/actuator/health").status() == 200);
        Duration healthy = Duration.ofNanos(System.nanoTime() - restartedAt);
        long acknowledgedBefore = load.acknowledged();
        await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledged() >= acknowledgedBefore + 100);
        load.stop();

        List<Sample> samples = load.samples();
        List<Sample> during = samples.stream()
                .filter(sample -> sample.sentAt() >= stoppedAt && sample.sentAt() <= restartedAt).toList();
        List<Sample> failed = during.stream().filter(Sample::unexpected).toList();
        long slowest = during.stream().mapToLong(Sample::millis).max().orElse(0);
        double meanFailure = failed.stream().mapToLong(Sample::millis).average().orElse(0);
        long slowestFailure = failed.stream().mapToLong(Sample::millis).max().orElse(0);
        System.out.printf("[external-postgres] outage of %d s under %d clients: %d requests during it, %d failed "
                        + "(503s: mean %.0f ms, slowest %d ms; slowest request sent during it %d ms); after the restart: "
                        + "first write %d ms, read-your-writes again (201) %d ms, health UP %d ms; %d requests in all, "
                        + "%d users acknowledged%n",
                OUTAGE.toSeconds(), CLIENTS, during.size(), failed.size(), meanFailure, slowestFailure, slowest,
                firstWrite.toMillis(), readYourWrites.toMillis(), healthy.toMillis(), samples.size(),
                load.users().size());

        assertThat(failed).as("requests that failed during the outage").isNotEmpty();
        // a request sent while the database was down is answered within 2 s, or it is a success answered once the
        // database was back (a write that got through then may wait for the read model, users.read-your-writes-timeout)
        long restartNanos = restartedAt;
        assertThat(during).as("requests during the outage answered after more than %d ms while the database was down",
                        FAST_FAIL_MILLIS)
                .filteredOn(sample -> sample.millis() > FAST_FAIL_MILLIS && (sample.status() / 100 != 2
                        || sample.sentAt() + sample.millis() * 1_000_000 < restartNanos)).isEmpty();
        assertThat(samples).as("failures that took longer than %d ms", FAST_FAIL_MILLIS)
                .filteredOn(sample -> sample.status() / 100 != 2 && sample.millis() > FAST_FAIL_MILLIS).isEmpty();
        assertThat(failed).as("failures during the outage that are not a 503 with Retry-After in the surface's format")
                .filteredOn(sample -> sample.status() != 503 || sample.retryAfter() == null
                        || sample.formatProblem() != null).isEmpty();
        assertThat(samples).as("answers other than 2xx and 503, at any time")
                .filteredOn(sample -> sample.unexpected() && sample.status() != 503).isEmpty();

        everyAcknowledgedUserIsReadable(http, load.users());
    }

    /** External mode for real: the service's rows are in the given server, and it started no server of its own. */
    private static void theUsersAreInTheExternalDatabase(ExternalPostgres postgres, ServiceProcess service,
                                                         Path dataDir, Http http)
            throws Exception {
        Http.Response created = http.post("/api/v4/users", Map.of("name", "External", "email", "external@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        try (Connection db = postgres.connect();
             PreparedStatement find = db.prepareStatement("SELECT count(*) FROM user_directory WHERE user_id = ?::uuid")) {
            find.setString(1, created.json().path("id").asString());
            try (ResultSet result = find.executeQuery()) {
                result.next();
                assertThat(result.getLong(1)).isEqualTo(1);
            }
        }
        assertThat(service.postmaster()).as("an embedded PostgreSQL of the service's").isEmpty();
        assertThat(Files.exists(dataDir.resolve("postgres"))).as("an embedded data directory").isFalse();
    }

    private static int create(Http http, String name) {
        return http.post("/api/v4/users", Map.of("name", name, "email", name + "-" + System.nanoTime() + "@example.com"))
                .status();
    }

    private static Duration timeTo(long since, java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(done);
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static void everyAcknowledgedUserIsReadable(Http http, List<MixedLoad.User> users) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (MixedLoad.User user : users) {
                Http.Response shown = http.get("/api/v4/users/" + user.id);
                assertThat(shown.status()).as("%s: %s", user.email, shown).isEqualTo(200);
                assertThat(shown.json().path("emails").get(0).path("email").asString()).isEqualTo(user.email);
                assertThat(shown.json().path("name").asString()).as(user.email).isIn(user.possibleNames());
            }
        });
    }
}
