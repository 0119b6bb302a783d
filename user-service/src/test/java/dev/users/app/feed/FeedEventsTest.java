package dev.users.app.feed;

import dev.users.app.axon.StoredEvents;
import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import dev.users.events.UserSignedIn;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed, the stream and Kafka show an event from its stored JSON tree when it is in its record's current revision
 * and shape; that rendering must be the very one of the record Axon reads from the row (upcast, decrypted), for
 * every event in the store: this test's user, with events of many types and personal fields, and whatever the other
 * tests stored before it.
 */
class FeedEventsTest extends ApiTest {

    @Autowired
    FeedEvents feedEvents;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    Configuration axon;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private record Stored(DomainEventData<?> entry, long position, UUID accountId) {
    }

    @Test
    void theStoredTreeShowsEveryEventAsItsRecordDoes() {
        UUID user = userWithManyEvents();
        List<Stored> stored = new ArrayList<>();
        jdbc.sql("select " + StoredEvents.COLUMNS + ", i.account_id from domainevententry"
                        + " join event_index i on i.position = globalindex order by globalindex")
                .query((ResultSet rs) -> {
                    stored.add(new Stored(StoredEvents.entry(rs), rs.getLong("globalindex"),
                            rs.getObject("account_id", UUID.class)));
                });
        assertThat(stored).extracting(s -> s.entry().getAggregateIdentifier()).contains(user.toString());

        int fromTree = 0;
        for (Stored event : stored) {
            FeedEvent shown = feedEvents.of(event.entry(), event.position(), event.accountId());
            assertThat(rendered(shown)).as("event %s (%s)", event.position(), event.entry().getPayload().getType())
                    .isEqualTo(rendered(throughTheRecord(event)));
            if (event.entry().getAggregateIdentifier().equals(user.toString())) {
                // every event the service stored itself is in its record's current revision and shape
                assertThat(feedEvents.fromTree(event.entry(), event.position(), event.accountId()))
                        .as("event %s (%s)", event.position(), event.entry().getPayload().getType()).isNotNull();
                fromTree++;
            }
        }
        assertThat(fromTree).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aTreeOfAnotherShapeIsShownThroughItsRecord() {
        UUID user = UUID.randomUUID();
        // a sign-in stored without its previousSignInAt: the record reads it as null and shows it so
        byte[] payload = ("{\"userId\":\"" + user + "\",\"signedInAt\":\"2024-01-01T00:00:01.123456Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        DomainEventData<?> entry = new GenericDomainEventEntry<>("User", user.toString(), 3, UUID.randomUUID().toString(),
                "2024-01-01T00:00:01.123Z", UserSignedIn.class.getName(), "1", payload, "{}".getBytes());
        assertThat(feedEvents.fromTree(entry, 7, user)).isNull();
        Map<?, ?> data = (Map<?, ?>) rendered(feedEvents.of(entry, 7, user)).get("data");
        assertThat(data.containsKey("previousSignInAt")).isTrue();
        assertThat(data.get("previousSignInAt")).isNull();
        assertThat(data.get("signedInAt")).isEqualTo("2024-01-01T00:00:01.123Z");
    }

    private FeedEvent throughTheRecord(Stored event) {
        List<DomainEventMessage<?>> messages = StoredEvents.deserialized(List.of(event.entry()), eventSerializer,
                axon.upcasterChain(), false);
        assertThat(messages).hasSize(1);
        return feedEvents.of(messages.get(0), event.position(), event.accountId());
    }

    /** The CloudEvent as a consumer parses it: the order of an object's fields is no part of it. */
    private Map<?, ?> rendered(FeedEvent event) {
        return json.readValue(json.writeValueAsString(CloudEvents.json(event)), Map.class);
    }

    private UUID userWithManyEvents() {
        Http http = api();
        Http.Response created = http.post("/api/v4/users", Map.of("name", "Zoë Tree", "email",
                "tree-" + UUID.randomUUID() + "@example.com", "phones_attributes",
                List.of(Map.of("phone", "+33 1 42 68 53 00")), "meta", Map.of("nickname", "東京")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        UUID user = UUID.fromString(id);
        String phoneId = created.json().path("phones").get(0).path("id").asString();
        assertThat(http.put("/api/v4/users/" + id, Map.of("name", "Zoë Renamed", "notify_voice", false,
                "time_zone", "Asia/Vientiane", "meta", Map.of("k", "v"))).status()).isEqualTo(200);
        assertThat(http.put("/api/v4/users/" + id, Map.of("emails_attributes",
                List.of(Map.of("email", "second-" + UUID.randomUUID() + "@example.com", "primary", true))))
                .status()).isEqualTo(200);
        assertThat(http.put("/api/v4/users/" + id, Map.of("phones_attributes",
                List.of(Map.of("id", phoneId, "blocked", true)))).status()).isEqualTo(200);
        assertThat(http.post("/api/v4/users/" + id + "/sign_ins", Map.of()).status()).isEqualTo(201);
        assertThat(http.post("/api/v4/users/" + id + "/sign_ins", Map.of()).status()).isEqualTo(201);
        assertThat(http.delete("/api/v4/account_users/acu_" + id.replace("-", "")).status()).isEqualTo(204);
        return user;
    }
}
