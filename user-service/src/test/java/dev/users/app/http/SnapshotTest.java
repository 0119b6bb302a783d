package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Long histories (many sign-ins) are snapshotted, and a user loaded from its snapshot keeps every invariant. */
class SnapshotTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("userCache")
    Cache userCache;

    @Test
    void aLongHistoryIsSnapshottedAndLoadsFromTheSnapshot() {
        var created = api().post("/api/v4/users", Map.of("name", "Long History", "email", uniqueEmail("long")));
        String id = created.json().path("id").asString();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 120; i++) {
            var signIn = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", start.plusSeconds(i).toString()));
            assertThat(signIn.status()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from snapshotevententry where aggregateidentifier = ?").param(id)
                .query(Long.class).single() > 0);

        userCache.removeAll();
        var backwards = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", start.toString()));
        assertThat(backwards.status()).isEqualTo(422);
        var renamed = api().put("/api/v4/users/" + id, Map.of("name", "Still Here"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("last_sign_in_at").asString()).isEqualTo(start.plusSeconds(119).toString());
        assertThat(renamed.json().path("emails")).hasSize(1);
    }
}
