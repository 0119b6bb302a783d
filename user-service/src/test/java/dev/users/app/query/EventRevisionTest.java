package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.EventTypes;
import dev.users.events.LanguageChanged;
import dev.users.events.UserCreated;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Revisions and the upcaster of {@code LanguageChanged} (revision 1 {@code language} → revision 2
 * {@code languageTag}): events stored in the old shape, by SQL as an old version of the service wrote them, load into
 * the aggregate, project into the read models and show in history, as_of and the feed in the new shape, under the
 * new type; new events are stored under their records' revisions.
 */
class EventRevisionTest extends QueryTest {

    @Test
    void anOldLanguageChangedIsReadInTheNewShapeEverywhere() {
        Account account = newAccount();
        Http http = account.http();
        // appended behind the aggregate's back, as an older service stored them: the aggregate is loaded from the
        // store by the first command, never from a cache
        UUID user = UUID.randomUUID();
        long version = history(user).append(created(user, account.id(), 1, "Old Shape", Instant.now()));
        insertOldLanguageChanged(user, version + 1, null, "fr-CA");
        insertOldLanguageChanged(user, version + 2, "1", "pt-BR");
        awaitVersion(user, version + 2);

        assertThat(http.get("/api/v4/users/" + user).json().path("preferred_language").asString()).isEqualTo("pt-BR");
        assertThat(http.get("/api/v4/users/" + user + "?as_of_version=" + (version + 1)).json()
                .path("preferred_language").asString()).isEqualTo("fr-CA");

        JsonNode history = http.get("/api/v4/users/" + user + "/history?type=dev.users.language_changed.v2").json();
        assertThat(history.path("total_count").asLong()).isEqualTo(2);
        JsonNode entry = history.path("data").get(0);
        assertThat(entry.path("type").asString()).isEqualTo("dev.users.language_changed.v2");
        assertThat(entry.path("data").path("language_tag").asString()).isEqualTo("fr-CA");
        assertThat(entry.path("data").has("language")).isFalse();
        assertThat(entry.path("changes").get(0).path("to").asString()).isEqualTo("fr-CA");
        assertThat(http.get("/api/v4/users/" + user + "/history?type=dev.users.language_changed.v1").status())
                .isEqualTo(422);
        assertThat(http.get("/api/v4/audit_log?type=dev.users.language_changed.v2&user_id=" + user).json()
                .path("total_count").asLong()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode feed = http.get("/api/v4/events?subject=" + user + "&type=dev.users.language_changed.v2").json();
            assertThat(feed.size()).isEqualTo(2);
            assertThat(feed.get(1).path("type").asString()).isEqualTo("dev.users.language_changed.v2");
            assertThat(feed.get(1).path("data").path("languageTag").asString()).isEqualTo("pt-BR");
            assertThat(feed.get(1).path("data").has("language")).isFalse();
        });

        // the aggregate loaded the old events' value: the same language again changes nothing, another one is stored
        // under revision 2 in the new shape
        Http.Response same = http.put("/api/v4/users/" + user, Map.of("preferred_language", "pt-BR"));
        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(version(user)).isEqualTo(version + 2);
        Http.Response other = http.put("/api/v4/users/" + user, Map.of("preferred_language", "de"));
        assertThat(other.status()).as(other.text()).isEqualTo(200);
        assertThat(stored(user, version + 3)).containsExactly(LanguageChanged.class.getName(), "2",
                "\"languageTag\":\"de\"");
        assertThat(stored(user, 0)[1]).isEqualTo(EventTypes.revision(UserCreated.class)).isEqualTo("1");
    }

    private void insertOldLanguageChanged(UUID user, long sequence, String revision, String language) {
        String payload = "{\"userId\":\"" + user + "\",\"language\":\"" + language + "\"}";
        jdbc.sql("insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) values (?, ?, 'User', ?, ?, ?, ?, ?, ?)")
                .params(user.toString(), sequence, UUID.randomUUID().toString(),
                        "{\"apiKeyId\":\"k-old\"}".getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8), revision, LanguageChanged.class.getName(),
                        Instant.now().toString())
                .update();
    }

    /** The stored payload type, revision and a part of the payload that shows its shape. */
    private String[] stored(UUID user, long sequence) {
        return jdbc.sql("select payloadtype, payloadrevision, convert_from(payload, 'UTF8') from domainevententry"
                        + " where aggregateidentifier = ? and sequencenumber = ?").params(user.toString(), sequence)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2),
                        rs.getString(3).contains("\"languageTag\":\"de\"") ? "\"languageTag\":\"de\"" : rs.getString(3)})
                .single();
    }
}
