package dev.users.app.roles;

import dev.users.app.support.ApiTest;
import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code users.role=query}: the reads of both surfaces and the read-model processor; writes refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"USERS_BOOTSTRAP_API_KEY=" + ApiTest.BOOTSTRAP_KEY, "users.role=query"})
class QueryRoleTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void itReadsAndRunsTheReadModelProcessor() {
        assertThat(api().get("/api/v4/users").status()).isEqualTo(200);
        assertThat(api().get("/v3/settings/users").status()).isEqualTo(200);
        assertThat(processing.eventProcessor(UserDirectoryProjection.GROUP, TrackingEventProcessor.class)
                .orElseThrow().isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> new Http(port, null).get("/actuator/health/readiness").status() == 200);
    }

    @Test
    void writesAreRefusedInEachSurfacesFormat() {
        Http.Response v4 = api().post("/api/v4/users", Map.of("name", "Query Node", "email", uniqueEmail("query")));
        assertThat(v4.status()).isEqualTo(405);
        assertThat(ErrorFormats.v4Problem(v4)).isNull();
        assertThat(v4.text()).contains("users.role=query");
        Http.Response v3 = api().post("/v3/settings/users", Map.of("first_name", "Query", "last_name", "Node",
                "role_ids", List.of("admin")));
        assertThat(v3.status()).isEqualTo(405);
        assertThat(ErrorFormats.v3Problem(v3)).isNull();
        assertThat(api().delete("/api/v4/users/" + UUID.randomUUID()).status()).isEqualTo(405);
    }
}
