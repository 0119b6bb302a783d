package dev.users.app.operations;

import dev.users.app.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built jar's first start, as a newcomer runs it: it prints the service's banner (URL and key) and nothing else
 * when all is well; the rest of the log (Spring, Flyway, Axon, the embedded PostgreSQL's own) comes with
 * {@code logging.threshold.console}, as JSON lines with {@code logging.structured.format.console}, each line written
 * during a request carrying its id.
 */
class QuietStartIT {

    private static final String KEY = "usk_quiet_start_key";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BANNER_END = "Authenticate with:";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void aFirstStartShowsTheBannerAndNothingElse() throws Exception {
        try (ServiceProcess service = launch("quiet", List.of())) {
            // logback's own status note, when the embedded server logs during Spring Boot's reset of logback (seen
            // in about one start in eight), is no log line of the service's
            List<String> lines = awaitBanner(service).stream()
                    .filter(line -> !line.isBlank() && !line.contains(" |-")).toList();
            assertThat(lines).as("a first start's output, up to the banner's end").hasSize(3);
            assertThat(lines.get(0)).startsWith(
                    "Users service listening on http://localhost:" + service.httpPort() + "  (account ");
            assertThat(lines.get(1)).isEqualTo("API key (shown once, keep it): " + KEY);
            assertThat(lines.get(2)).isEqualTo("Authenticate with:  -H 'Authorization: Bearer " + KEY + "'");
        }
    }

    @Test
    void theRestComesOnASettingAsJsonLinesWithTheRequestId() throws Exception {
        String requestId = "req-" + UUID.randomUUID();
        try (ServiceProcess service = launch("verbose", List.of("--logging.threshold.console=trace",
                "--logging.structured.format.console=ecs",
                "--logging.level.org.springframework.web.servlet.DispatcherServlet=debug"))) {
            awaitBanner(service);
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + service.httpPort() + "/api/v4/users"))
                    .header("Authorization", "Bearer " + KEY).header("X-Request-Id", requestId).GET().build();
            assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> service.output().contains(requestId));
            List<JsonNode> logLines = service.output().lines().filter(line -> line.startsWith("{"))
                    .map(JSON::readTree).toList();
            assertThat(logLines).as("the log a first start writes at INFO").hasSizeGreaterThan(30);
            assertThat(logLines).anySatisfy(line -> assertThat(line.path("log").path("logger").asString())
                    .isEqualTo("io.zonky.test.db.postgres.embedded.EmbeddedPostgres"));
            assertThat(logLines).filteredOn(line -> line.path("log").path("logger").asString().endsWith("DispatcherServlet")
                            && line.path("message").asString().contains("/api/v4/users"))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line.path("requestId").asString()).isEqualTo(requestId));
            // logback's own status notes (a line logged while Spring Boot resets it) are not log lines
            assertThat(service.output().lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("{") && !line.contains(" |-")))
                    .as("lines that are not JSON: the banner only").hasSize(3);
        }
    }

    private ServiceProcess launch(String name, List<String> settings) {
        return ServiceProcess.launch(work.resolve(name), ServiceProcess.freePort(), ServiceProcess.freePort(), KEY,
                work.resolve(name + ".log"), settings);
    }

    /** The output up to the banner's last line, once it is there. */
    private static List<String> awaitBanner(ServiceProcess service) throws Exception {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .failFast("the service exited", () -> !service.isAlive())
                .until(() -> service.output().contains(BANNER_END));
        List<String> lines = service.output().lines().toList();
        int end = 0;
        while (!lines.get(end).startsWith(BANNER_END)) {
            end++;
        }
        return lines.subList(0, end + 1);
    }
}
