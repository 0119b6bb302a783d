package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One timestamp form everywhere a time is shown: ISO-8601 UTC, three fraction digits, {@code Z}, whatever precision
 * the time was stored with (the command side stores microseconds, so {@code created_at} once showed six digits
 * while {@code updated_at} showed three).
 */
class TimestampFormatTest extends QueryTest {

    private static final Instant CREATED = Instant.parse("2025-05-05T05:05:05.123456Z");
    private static final Instant RENAMED = Instant.parse("2025-05-06T06:06:06.987654Z");
    private static final Instant SIGNED_IN = Instant.parse("2025-05-06T06:00:00Z");

    @Test
    void everySurfaceShowsMillisecondsAndZ() {
        Account account = newAccount();
        Http http = account.http();
        java.util.UUID user = java.util.UUID.randomUUID();
        UserHistory history = history(user);
        history.appendAt(CREATED, created(user, account.id(), 1, "Times", CREATED));
        history.appendAt(RENAMED, new UserSignedIn(user, null, SIGNED_IN));
        history.appendAt(RENAMED, new UserRenamed(user, "Times Two", null, null));
        awaitVersion(user, history.version());

        for (String path : new String[]{"/api/v4/users/" + user, "/api/v4/account_users/" + user,
                "/api/v4/users/" + user + "?as_of_version=2"}) {
            JsonNode shown = http.get(path).json();
            JsonNode v4 = shown.has("user") ? shown.path("user") : shown;
            assertThat(v4.path("created_at").asString()).as(path).isEqualTo("2025-05-05T05:05:05.123Z");
            assertThat(v4.path("updated_at").asString()).as(path).isEqualTo("2025-05-06T06:06:06.987Z");
            assertThat(v4.path("last_sign_in_at").asString()).as(path).isEqualTo("2025-05-06T06:00:00.000Z");
        }
        JsonNode entry = http.get("/api/v4/users/" + user + "/history").json().path("data").get(0);
        assertThat(entry.path("occurred_at").asString()).isEqualTo("2025-05-05T05:05:05.123Z");
        assertThat(entry.path("data").path("created_at").asString()).isEqualTo("2025-05-05T05:05:05.123Z");
        assertThat(http.get("/api/v4/sign_ins").json().path("data").get(0).path("recorded_at").asString())
                .isEqualTo("2025-05-06T06:06:06.987Z");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode feed = http.get("/api/v4/events?subject=" + user).json();
            assertThat(feed.size()).isEqualTo(3);
            assertThat(feed.get(0).path("time").asString()).isEqualTo("2025-05-05T05:05:05.123Z");
            assertThat(feed.get(0).path("data").path("createdAt").asString()).isEqualTo("2025-05-05T05:05:05.123Z");
            assertThat(feed.get(1).path("data").path("signedInAt").asString()).isEqualTo("2025-05-06T06:00:00.000Z");
        });
    }
}
