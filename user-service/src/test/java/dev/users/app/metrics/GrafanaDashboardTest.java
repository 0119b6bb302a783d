package dev.users.app.metrics;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/grafana-dashboard.json} loads as Grafana's JSON model (valid JSON, a title, panels with an id, a type,
 * a place and queries) and charts only metrics the running service serves, except the Kafka publisher's gauge, which
 * exists only when Kafka is on (KafkaPublisherTest reads it from {@code /actuator/prometheus}).
 */
class GrafanaDashboardTest extends ApiTest {

    private static final Path DASHBOARD = Path.of("../docs/grafana-dashboard.json");
    private static final Set<String> REGISTERED_ELSEWHERE =
            Set.of(MetricsTest.prometheus(ServiceMetrics.KAFKA_PUBLISHER_LAG));
    /** Label matchers, ranges, and the label lists of {@code by (…)} / {@code without (…)}: not metric names. */
    private static final Pattern NOT_NAMES = Pattern.compile("\\{[^}]*}|\\[[^]]*]|\\b(by|without)\\s*\\([^)]*\\)");
    /** A name not followed by "(" (which would make it a function). */
    private static final Pattern NAME = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

    @Test
    void everyPanelChartsMetricsTheServiceServes() throws Exception {
        assertThat(api().post("/api/v4/users", Map.of("name", "Charted User", "email", uniqueEmail("charted")))
                .status()).isEqualTo(201);
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("title").asString()).isNotBlank();
        assertThat(dashboard.path("panels").isArray()).isTrue();
        assertThat(dashboard.path("panels")).isNotEmpty();
        Set<String> served = Scrape.of(port).names();
        Set<String> charted = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asString();
            assertThat(panel.path("id").isInt()).as(title).isTrue();
            assertThat(panel.path("type").asString()).as(title).isNotBlank();
            assertThat(panel.path("gridPos").path("w").asInt()).as(title).isPositive();
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Set<String> names = metricNames(target.path("expr").asString());
                assertThat(names).as("metrics of panel '%s'", title).isNotEmpty();
                charted.addAll(names);
            }
        }
        assertThat(charted).as("metrics the dashboard charts that the service does not serve")
                .allSatisfy(name -> assertThat(served.contains(name) || REGISTERED_ELSEWHERE.contains(name))
                        .as(name).isTrue());
        assertThat(charted).containsAll(REGISTERED_ELSEWHERE);
    }

    static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(NOT_NAMES.matcher(expr).replaceAll(" "));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void metricNamesAreFoundInAnExpression() {
        assertThat(metricNames("sum by (method, uri) (rate(http_server_requests_seconds_sum{job=~\"$job\"}"
                + "[$__rate_interval])) / max(users_processor_lag_events)"))
                .containsExactly("http_server_requests_seconds_sum", "users_processor_lag_events");
    }
}
