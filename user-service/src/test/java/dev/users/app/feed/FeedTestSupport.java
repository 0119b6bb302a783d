package dev.users.app.feed;

import dev.users.app.support.Http;
import dev.users.app.support.Http.Response;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the feed tests share: making users through the API and reading the feed as a consumer does. */
final class FeedTestSupport {

    private FeedTestSupport() {
    }

    static UUID createUser(Http http, String name) {
        Response created = http.post("/api/v4/users", Map.of("name", name,
                "email", name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID().toString().substring(0, 8)
                        + "@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        return dev.users.web.PrefixIds.parse(dev.users.web.PrefixIds.USER, id).orElseThrow();
    }

    /** One feed page after {@code after}: the batch's events. */
    static List<JsonNode> page(Http http, long after, String more) {
        Response response = http.get("/api/v4/events?after=" + after + more);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().forEach(events::add);
        return events;
    }

    static long position(JsonNode event) {
        return Long.parseLong(event.path("position").asString());
    }
}
