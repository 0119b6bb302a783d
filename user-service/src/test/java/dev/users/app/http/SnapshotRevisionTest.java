package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots carry the aggregate's revision, and one of another revision (an earlier shape of the aggregate, as a
 * data directory from before the change holds) is ignored: the user is rebuilt from its events instead of from
 * fields that no longer fit.
 */
class SnapshotRevisionTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("userCache")
    Cache userCache;

    @Test
    void aSnapshotOfAnotherRevisionIsIgnored() {
        var created = api().post("/api/v4/users", Map.of("name", "Old Snapshot", "email", uniqueEmail("old")));
        String id = created.json().path("id").asString();
        Instant start = Instant.parse("2025-02-01T00:00:00Z");
        for (int i = 0; i < 110; i++) {
            assertThat(api().post("/api/v4/users/" + id + "/sign_ins",
                    Map.of("at", start.plusSeconds(i).toString())).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from snapshotevententry where aggregateidentifier = ?").param(id)
                .query(Long.class).single() > 0);
        assertThat(jdbc.sql("select payloadrevision from snapshotevententry where aggregateidentifier = ?").param(id)
                .query(String.class).list()).containsOnly("2");

        // read as the current aggregate, this empty state would be no user at all (404)
        jdbc.sql("update snapshotevententry set payloadrevision = null, payload = ? where aggregateidentifier = ?")
                .params("{}".getBytes(StandardCharsets.UTF_8), id).update();
        userCache.removeAll();

        var signIn = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", start.plusSeconds(200).toString()));
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(201);
        assertThat(signIn.json().path("name").asString()).isEqualTo("Old Snapshot");
    }
}
