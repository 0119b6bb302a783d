package dev.users.app.feed;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import dev.users.app.support.Http.Response;
import dev.users.web.PrefixIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.users.app.feed.FeedTestSupport.createUser;
import static dev.users.app.feed.FeedTestSupport.page;
import static dev.users.app.feed.FeedTestSupport.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/v4/events}: the account's events as CloudEvents, its filters, its long poll and its refusals. */
class EventFeedApiTest extends ApiTest {

    @Autowired
    FeedWakeups wakeups;

    private Http newAccount() {
        UUID account = accounts.create("feed-" + UUID.randomUUID(), "US");
        return new Http(port, apiKeys.issue(account, "test", null, true));
    }

    @Test
    void eventsAreCloudEventsInStoreOrderOfTheAccountOnly() {
        Http http = newAccount();
        Http other = newAccount();
        UUID otherUser = createUser(other, "Other Account");
        UUID user = createUser(http, "Feed User");
        Response renamed = http.put("/api/v4/users/" + PrefixIds.of(PrefixIds.USER, user), Map.of("name", "Renamed"));
        assertThat(renamed.status()).as(renamed.toString()).isBetween(200, 202);

        Response response = http.get("/api/v4/events");
        assertThat(response.text()).doesNotContain(otherUser.toString());
        List<JsonNode> events = page(http, 0, "");
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events.stream().map(FeedTestSupport::position).toList()).isSorted().doesNotHaveDuplicates();
        JsonNode created = events.get(0);
        assertThat(created.path("specversion").asString()).isEqualTo("1.0");
        assertThat(created.path("type").asString()).isEqualTo("dev.users.user_created.v1");
        assertThat(created.path("subject").asString()).isEqualTo(user.toString());
        assertThat(created.path("source").asString()).startsWith("/api/v4/accounts/");
        assertThat(created.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(created.path("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created.path("sequence").asString()).isEqualTo("0");
        assertThat(created.path("data").path("name").asString()).isEqualTo("Feed User");
        assertThat(created.path("data").path("userId").asString()).isEqualTo(user.toString());
        // ids are the stored event ids: the same on every read
        assertThat(page(http, 0, "").get(0).path("id").asString()).isEqualTo(created.path("id").asString());
        // paging: after the first event comes the second, and limit bounds the page
        assertThat(page(http, position(created), "&limit=1")).singleElement()
                .satisfies(event -> assertThat(event.path("id").asString()).isEqualTo(events.get(1).path("id").asString()));
        // the other account sees only its own
        assertThat(page(other, 0, "")).allSatisfy(event ->
                assertThat(event.path("subject").asString()).isEqualTo(otherUser.toString()));
        assertThat(page(other, 0, "&subject=" + user)).isEmpty();
    }

    @Test
    void filtersByTypeAndSubject() {
        Http http = newAccount();
        UUID one = createUser(http, "One User");
        UUID two = createUser(http, "Two User");
        assertThat(page(http, 0, "&type=dev.users.user_created.v1")).extracting(event -> event.path("subject").asString())
                .containsExactly(one.toString(), two.toString());
        assertThat(page(http, 0, "&subject=" + PrefixIds.of(PrefixIds.USER, two)))
                .isNotEmpty().allSatisfy(event -> assertThat(event.path("subject").asString()).isEqualTo(two.toString()));
        assertThat(page(http, 0, "&subject=" + one + "&type=dev.users.user_created.v1,dev.users.email_added.v1"))
                .isNotEmpty().allSatisfy(event -> assertThat(event.path("subject").asString()).isEqualTo(one.toString()));
        assertThat(page(http, 0, "&type=dev.users.user_removed.v1")).isEmpty();
    }

    @Test
    void theEnvelopeWithAcceptJson() throws Exception {
        Http http = newAccount();
        createUser(http, "Envelope User");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v4/events?limit=1"))
                .header("Authorization", "Bearer " + apiKeys.issue(accounts.create("env-" + UUID.randomUUID(), "US"),
                        "t", null, true))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.path("data").isArray()).isTrue();
        assertThat(body.path("has_more").isBoolean()).isTrue();
        assertThat(body.path("next_after").isNumber()).isTrue();

        HttpResponse<String> batch = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v4/events")).header("Authorization",
                        "Bearer " + apiKeys.issue(accounts.create("b-" + UUID.randomUUID(), "US"), "t", null, true))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(batch.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/cloudevents-batch+json");
    }

    @Test
    void aLongPollIsAnsweredWhenAnEventArrives() throws Exception {
        Http http = newAccount();
        createUser(http, "Before Poll");
        List<JsonNode> before = page(http, 0, "");
        long last = position(before.get(before.size() - 1));
        long started = System.nanoTime();
        int waitingBefore = wakeups.waiting();
        CompletableFuture<List<JsonNode>> poll = CompletableFuture.supplyAsync(() -> page(http, last, "&wait=20"));
        // the poll is registered as a waiter before the write, so the write is what answers it
        await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.waiting() > waitingBefore);
        assertThat(poll).isNotDone();
        UUID user = createUser(http, "During Poll");
        List<JsonNode> arrived = poll.get(20, TimeUnit.SECONDS);
        assertThat(arrived).isNotEmpty().allSatisfy(event ->
                assertThat(event.path("subject").asString()).isEqualTo(user.toString()));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(15);

        long quiet = System.nanoTime();
        assertThat(page(http, position(arrived.get(arrived.size() - 1)), "&wait=1")).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quiet)).isGreaterThanOrEqualTo(900);
    }

    @Test
    void afterNowSkipsWhatIsThereAndWaitsForWhatComes() throws Exception {
        Http http = newAccount();
        createUser(http, "Before Now");
        Response now = http.get("/api/v4/events?after=now");
        assertThat(now.status()).as(now.toString()).isEqualTo(200);
        assertThat(now.json()).isEmpty();
        int waitingBefore = wakeups.waiting();
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() -> http.get("/api/v4/events?after=now&wait=20"));
        await().atMost(Duration.ofSeconds(10)).until(() -> wakeups.waiting() > waitingBefore);
        UUID user = createUser(http, "After Now");
        Response arrived = poll.get(20, TimeUnit.SECONDS);
        assertThat(arrived.status()).isEqualTo(200);
        assertThat(arrived.json()).isNotEmpty().allSatisfy(event ->
                assertThat(event.path("subject").asString()).isEqualTo(user.toString()));
    }

    @Test
    void badParametersAre422() {
        Http http = newAccount();
        for (String query : List.of("after=-1", "after=abc", "after=99999999999999999999", "limit=0", "limit=1001",
                "limit=1.5", "wait=31", "wait=-1", "type=user_created", "type=dev.users.nothing.v1",
                "type=dev.users.user_created.vx", "subject=nope", "after=1&after=2",
                "after=NOW", "after=now1", "after=later", "after=now&after=1",
                "after=" + enc("1\u0000"), "subject=" + enc("usr_\ud800"), "type=" + enc("\u0007"))) {
            Response response = http.get("/api/v4/events?" + query);
            assertThat(response.status()).as(query + " → " + response).isEqualTo(422);
            assertThat(response.json().has("errors") || response.json().has("message") || response.json().has("error"))
                    .as(response.toString()).isTrue();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
