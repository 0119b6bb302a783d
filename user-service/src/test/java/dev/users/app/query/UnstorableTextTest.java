package dev.users.app.query;

import dev.users.app.support.Http.Response;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stored before the API refused such input carry texts PostgreSQL cannot store: NUL (refused by text and
 * jsonb alike) and unpaired surrogates (no UTF-8 form). Appended here straight to the event table, in the serialized
 * shape the service writes (taken from a real event, the texts edited), they still project, with U+FFFD in place of
 * each such character, and the processor goes on with everyone else's events.
 */
class UnstorableTextTest extends QueryTest {

    private static final String R = "\uFFFD";

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventWithNulAndLoneSurrogatesProjectsAndTheProcessorGoesOn() {
        Account account = newAccount();
        UUID user = UUID.randomUUID();
        String id = user.toString();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            // \\u0000 and \\ud800 are JSON escapes in the payload, as Jackson wrote them for a client's "\u0000";
            // a tiny id the account's own creates will not reach
            store(user, 0, "UserCreated", "{\"userId\":\"" + id + "\",\"accountId\":\"" + account.id() + "\","
                    + "\"tinyId\":999999,\"name\":\"a\\u0000b\\ud800\",\"firstName\":\"a\\u0000\",\"lastName\":\"\\udc00\","
                    + "\"timeZone\":null,\"language\":null,"
                    + "\"notifications\":{\"push\":true,\"email\":true,\"sms\":true,\"voice\":true},"
                    + "\"meta\":{\"k\\u0000ey\":\"v\\u0000al\\ud800\"},\"createdAt\":\"2026-12-01T21:06:36.951300Z\"}",
                    "7e9ca738-591a-4fd2-9ed6-d7700d53f5f6");
            store(user, 1, "EmailAdded", "{\"userId\":\"" + id + "\",\"emailId\":\"" + UUID.randomUUID() + "\","
                    + "\"address\":\"nul\\u0000@example.com\",\"primary\":true}", "7e9ca738-591a-4fd2-9ed6-d7700d53f5f6");
            store(user, 2, "RolesAssigned", "{\"userId\":\"" + id + "\",\"roles\":[\"on\\u0000call\"]}",
                    "7e9ca738-591a-4fd2-9ed6-d7700d53f5f6");
            store(user, 3, "TeamsAssigned", "{\"userId\":\"" + id + "\",\"teamIds\":[\"tm_\\u0000\\ud800\"]}",
                    "7e9ca738-591a-4fd2-9ed6-d7700d53f5f6");
            store(user, 4, "UserSignedIn", "{\"userId\":\"" + id + "\",\"previousSignInAt\":null,"
                    + "\"signedInAt\":\"2026-01-15T09:00:00Z\"}", "key\\u0000one");
        });

        // stored by SQL, not through this node's event store: the processor finds them on its next poll (1 s)
        await().atMost(Duration.ofSeconds(20)).until(() -> account.http().get("/api/v4/users/" + id).status() == 200);
        JsonNode v4 = account.http().get("/api/v4/users/" + id).json();
        assertThat(v4.path("name").asString()).isEqualTo("a" + R + "b" + R);
        assertThat(v4.path("meta").path("k" + R + "ey").asString()).isEqualTo("v" + R + "al" + R);
        assertThat(v4.path("emails").get(0).path("email").asString()).isEqualTo("nul" + R + "@example.com");
        assertThat(v4.path("roles").get(0).asString()).isEqualTo("on" + R + "call");
        assertThat(v4.path("last_sign_in_at").asString()).isEqualTo("2026-01-15T09:00:00.000Z");
        JsonNode v3 = account.http().get("/v3/settings/users/" + id).json();
        assertThat(v3.path("first_name").asString()).isEqualTo("a" + R);
        assertThat(v3.path("last_name").asString()).isEqualTo(R);
        assertThat(account.http().get("/api/v4/account_users/" + id).json().path("team_ids").get(0).asString())
                .isEqualTo("tm_" + R + R);
        assertThat(jdbc.sql("select name from user_directory_lookup where user_id = ?").param(user)
                .query(String.class).single()).isEqualTo("a" + R + "b" + R);
        assertThat(jdbc.sql("select api_key_id from sign_in_audit where user_id = ?").param(user)
                .query(String.class).single()).isEqualTo("key" + R + "one");
        assertThat(jdbc.sql("select count(*) from event_index where user_id = ? and account_id = ?")
                .params(user, account.id()).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from deadletterentry where sequenceidentifier = ?").param(id)
                .query(Long.class).single()).isZero();

        // and the processor went on: the next write of someone else is read back at once
        Response next = account.http().post("/api/v4/users", Map.of("name", "Next User",
                "email", uniqueEmail("next")));
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(account.http().get("/api/v4/users").json().path("total_count").asLong()).isEqualTo(2);
    }

    /** One event as the service stores it: type "User", JSON payload and metadata, Axon's timestamp format. */
    private void store(UUID user, long sequence, String event, String payload, String apiKeyId) {
        String metadata = "{\"traceId\":\"" + UUID.randomUUID() + "\",\"apiKeyId\":\"" + apiKeyId + "\","
                + "\"correlationId\":\"" + UUID.randomUUID() + "\",\"requestId\":\"" + UUID.randomUUID() + "\"}";
        jdbc.sql("insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                        + " payload, payloadrevision, payloadtype, timestamp) values (?, ?, 'User', ?, ?, ?, null, ?, ?)")
                .params(user.toString(), sequence, UUID.randomUUID().toString(),
                        metadata.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                        "dev.users.events." + event, DateTimeUtils.formatInstant(Instant.now()))
                .update();
    }

}
