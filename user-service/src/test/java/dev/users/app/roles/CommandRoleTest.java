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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code users.role=command}: the writes of both surfaces, no reads, no read-model processor. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"USERS_BOOTSTRAP_API_KEY=" + ApiTest.BOOTSTRAP_KEY, "users.role=command",
                "users.read-your-writes-timeout=1s"})
class CommandRoleTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcClient jdbc;

    @Test
    void itWritesButRunsNoReadModelProcessor() {
        Http.Response created = api().post("/api/v4/users", Map.of("name", "Command Node", "email",
                uniqueEmail("command")));
        // stored, but no processor here builds its read model: the write answers 202 when its wait is over
        assertThat(created.status()).as(created.text()).isEqualTo(202);
        assertThat(jdbc.sql("select count(*) from domainevententry").query(Long.class).single()).isPositive();
        assertThat(processing.eventProcessor(UserDirectoryProjection.GROUP, TrackingEventProcessor.class)
                .orElseThrow().isRunning()).isFalse();
    }

    @Test
    void readsAreRefusedInEachSurfacesFormat() {
        Http.Response v4 = api().get("/api/v4/users");
        assertThat(v4.status()).isEqualTo(404);
        assertThat(ErrorFormats.v4Problem(v4)).isNull();
        assertThat(v4.text()).contains("users.role=command");
        Http.Response v3 = api().get("/v3/settings/users");
        assertThat(v3.status()).isEqualTo(404);
        assertThat(ErrorFormats.v3Problem(v3)).isNull();
        assertThat(new Http(port, null).get("/api/v4/users").status()).as("refused before authentication")
                .isEqualTo(404);
    }

    @Test
    void itIsReadyWithoutAProcessorToWaitFor() {
        Http.Response readiness = new Http(port, null).get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.text()).isEqualTo(200);
    }
}
