package dev.users.app.metrics;

import dev.users.app.support.ApiTest;
import dev.users.query.directory.UserDirectoryProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /actuator/prometheus} has what an operator charts: requests, commands, queries, appends, lag, dead letters. */
class MetricsTest extends ApiTest {

    private static final String PROCESSOR = "processor=\"" + UserDirectoryProjection.GROUP + "\"";

    @Autowired
    DataSource dataSource;

    @Test
    void requestsCommandsQueriesAndAppendsAreCounted() {
        assertThat(api().post("/api/v4/users", Map.of("name", "Metered User", "email", uniqueEmail("metered")))
                .status()).isEqualTo(201);
        assertThat(api().get("/api/v4/users").status()).isEqualTo(200);
        Scrape scrape = Scrape.of(port);
        assertThat(scrape.value("http_server_requests_seconds_count", "uri=\"/api/v4/users\"")).get()
                .satisfies(count -> assertThat(count).isPositive());
        assertThat(scrape.value("commandBus_allTimer_seconds_count", "payloadType=\"CreateUser\"")).isPresent();
        assertThat(scrape.value("queryBus_allTimer_seconds_count", "payloadType=\"FetchUserView\"")).isPresent();
        assertThat(scrape.value("eventStore_ingestedCounter_total", null)).get()
                .satisfies(count -> assertThat(count).isPositive());
        assertThat(scrape.value(prometheus(ServiceMetrics.DEAD_LETTER_USERS), null)).isPresent();
        assertThat(scrape.value(prometheus(ServiceMetrics.DEAD_LETTER_EVENTS), null)).isPresent();
        // the processors pay nothing per event for metrics: their lag is a gauge read at scrape time
        assertThat(scrape.text()).doesNotContain("eventProcessor_");
    }

    @Test
    void noMeterNamesAPathOnDisk() {
        assertThat(Scrape.of(port).text()).doesNotContain("path=\"");
    }

    @Test
    void processorLagRisesWhileItStandsAndFallsToZeroWhenItCatchesUp() throws Exception {
        String events = prometheus(ServiceMetrics.PROCESSOR_LAG_EVENTS);
        String seconds = prometheus(ServiceMetrics.PROCESSOR_LAG_SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> Scrape.of(port).value(events, PROCESSOR).orElse(-1.0) == 0);
        CompletableFuture<Integer> write;
        // the processor runs but cannot commit: its batch waits for this lock on the directory
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table user_directory in exclusive mode");
            }
            write = CompletableFuture.supplyAsync(() -> api().post("/api/v4/users",
                    Map.of("name", "Lagging User", "email", uniqueEmail("lagging"))).status());
            await().atMost(Duration.ofSeconds(8)).until(() -> Scrape.of(port).value(events, PROCESSOR).orElse(0.0) >= 1);
            await().atMost(Duration.ofSeconds(8)).until(() -> Scrape.of(port).value(seconds, PROCESSOR).orElse(0.0) > 0);
            blocker.rollback();
        }
        assertThat(write.join()).isIn(201, 202);
        await().atMost(Duration.ofSeconds(20)).until(() -> Scrape.of(port).value(events, PROCESSOR).orElse(-1.0) == 0
                && Scrape.of(port).value(seconds, PROCESSOR).orElse(-1.0) == 0);
    }

    static String prometheus(String meter) {
        return meter.replace('.', '_');
    }
}
