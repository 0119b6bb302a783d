package dev.users.app.lifecycle;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring's test context cache pauses a cached context when a test switches to another one (Spring Framework 7,
 * pause mode ON_CONTEXT_SWITCH: every Lifecycle bean is stopped) and restarts it when a test uses it again, as a
 * second application context in the test JVM does. After the restart the read models' processor runs again: a
 * create is in its read model when answered (201, not 202), and the feed answers.
 */
class PausedContextTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void theProjectionFollowsWritesAfterThePauseAndRestartOfASecondContextsStart() {
        Http api = api();
        assertThat(api.post("/api/v4/users", Map.of("name", "Before Pause", "email", uniqueEmail("before"))).status())
                .isEqualTo(201);

        context.pause();
        context.restart();

        Http anonymous = new Http(port, null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
        Http.Response created = api.post("/api/v4/users", Map.of("name", "After Restart",
                "email", uniqueEmail("after")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Http.Response feed = api.get("/api/v4/events?limit=1");
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
    }
}
