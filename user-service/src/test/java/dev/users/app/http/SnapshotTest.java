package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.web.Timestamps;
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
 * Long histories (many sign-ins) are snapshotted, and a user loaded from its snapshot keeps every invariant.
 * Snapshots carry the aggregate's revision, and one of another revision (an earlier shape of the aggregate, as a data
 * directory from before the change holds) is ignored: the user is rebuilt from its events instead.
 */
class SnapshotTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("userCache")
    Cache userCache;

    @Test
    void aLongHistoryIsSnapshottedAndLoadsFromTheSnapshot() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        String id = snapshottedUser("Long History", start, 120);

        userCache.removeAll();
        var backwards = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", start.toString()));
        assertThat(backwards.status()).isEqualTo(422);
        var renamed = api().put("/api/v4/users/" + id, Map.of("name", "Still Here"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("last_sign_in_at").asString()).isEqualTo(Timestamps.of(start.plusSeconds(119)));
        assertThat(renamed.json().path("emails")).hasSize(1);
    }

    @Test
    void aSnapshotOfAnotherRevisionIsIgnored() {
        Instant start = Instant.parse("2025-02-01T00:00:00Z");
        String id = snapshottedUser("Old Snapshot", start, 110);
        assertThat(jdbc.sql("select payloadrevision from snapshotevententry where aggregateidentifier = ?").param(id)
                .query(String.class).list()).containsOnly("2");

        // read as the current aggregate, this empty state would be no user at all
        jdbc.sql("update snapshotevententry set payloadrevision = null, payload = ? where aggregateidentifier = ?")
                .params("{}".getBytes(StandardCharsets.UTF_8), id).update();
        userCache.removeAll();

        var signIn = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", Timestamps.of(start.plusSeconds(200))));
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(201);
        assertThat(signIn.json().path("name").asString()).isEqualTo("Old Snapshot");
    }

    /** A new user with {@code signIns} sign-ins a second apart from {@code start}, once a snapshot of it is stored. */
    private String snapshottedUser(String name, Instant start, int signIns) {
        var created = api().post("/api/v4/users", Map.of("name", name, "email", uniqueEmail("long")));
        String id = created.json().path("id").asString();
        for (int i = 0; i < signIns; i++) {
            var signIn = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", start.plusSeconds(i).toString()));
            assertThat(signIn.status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from snapshotevententry where aggregateidentifier = ?").param(id)
                .query(Long.class).single() > 0);
        return id;
    }
}
