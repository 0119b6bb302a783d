package dev.users.app.feed;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.users.app.feed.FeedTestSupport.createUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/v4/events/stream}: the live tail, resumed with Last-Event-ID, of the account's events only. */
class EventStreamApiTest extends ApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void streamsTheAccountsEventsLiveAndResumesAfterLastEventId() throws Exception {
        UUID account = accounts.create("stream-" + UUID.randomUUID(), "US");
        String key = apiKeys.issue(account, "test", null, true);
        Http http = new Http(port, key);
        Http other = new Http(port, apiKeys.issue(accounts.create("o-" + UUID.randomUUID(), "US"), "t", null, true));
        UUID before = createUser(http, "Before Stream");
        String url = "http://localhost:" + port + "/api/v4/events/stream";
        try (SseClient stream = new SseClient(CLIENT, url, key, null)) {
            assertThat(stream.status).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> subjects(stream).contains(before.toString()));
            UUID otherUser = createUser(other, "Other Account");
            UUID live = createUser(http, "Live User");
            await().atMost(Duration.ofSeconds(10)).until(() -> subjects(stream).contains(live.toString()));
            assertThat(subjects(stream)).doesNotContain(otherUser.toString());
            List<Long> ids = stream.messages.stream().map(message -> Long.parseLong(message.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates();
            for (SseClient.Message message : stream.messages) {
                assertThat(JSON.readTree(message.data()).path("position").asString()).isEqualTo(message.id());
            }

            String resumeAfter = stream.messages.get(0).id();
            try (SseClient resumed = new SseClient(CLIENT, url, key, resumeAfter)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> resumed.messages.size() == stream.messages.size() - 1);
                assertThat(resumed.messages).isEqualTo(stream.messages.subList(1, stream.messages.size()));
            }
            try (SseClient filtered = new SseClient(CLIENT, url + "?type=dev.users.user_created.v1", key, null)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> filtered.messages.size() == 2);
                assertThat(subjects(filtered)).containsExactly(before.toString(), live.toString());
            }
        }
    }

    @Test
    void afterNowTailsOnlyTheEventsStillToCome() throws Exception {
        UUID account = accounts.create("now-" + UUID.randomUUID(), "US");
        String key = apiKeys.issue(account, "test", null, true);
        Http http = new Http(port, key);
        UUID before = createUser(http, "Before Tail");
        String url = "http://localhost:" + port + "/api/v4/events/stream?after=now";
        try (SseClient stream = new SseClient(CLIENT, url, key, null)) {
            assertThat(stream.status).isEqualTo(200);
            UUID live = createUser(http, "Tailed User");
            Http.Response accented = http.post("/api/v4/users", java.util.Map.of("name", "Zoë Ünïcode 東京",
                    "email", "zoe-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
            assertThat(accented.status()).as(accented.toString()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> subjects(stream).contains(live.toString())
                    && stream.messages.stream().anyMatch(message -> message.data().contains("Zoë Ünïcode 東京")));
            assertThat(subjects(stream)).doesNotContain(before.toString());
        }
        try (SseClient stream = new SseClient(CLIENT, url.replace("now", "later"), key, null)) {
            assertThat(stream.status).isEqualTo(422);
            assertThat(stream.errorBody()).contains("after");
        }
    }

    @Test
    void badResumePointsAndFiltersAre422BeforeTheStreamStarts() throws Exception {
        String key = apiKeys.issue(accounts.create("bad-" + UUID.randomUUID(), "US"), "test", null, true);
        String url = "http://localhost:" + port + "/api/v4/events/stream";
        for (String lastEventId : List.of("abc", "-1", "99999999999999999999", "1.0")) {
            try (SseClient stream = new SseClient(CLIENT, url, key, lastEventId)) {
                assertThat(stream.status).as(lastEventId).isEqualTo(422);
                assertThat(stream.errorBody()).contains("Last-Event-ID");
            }
        }
        try (SseClient stream = new SseClient(CLIENT, url + "?type=nope", key, null)) {
            assertThat(stream.status).isEqualTo(422);
        }
    }

    private static List<String> subjects(SseClient stream) {
        return stream.messages.stream().map(message -> JSON.readTree(message.data()).path("subject").asString()).toList();
    }
}
