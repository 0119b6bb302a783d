package dev.users.app.idempotency;

import dev.users.app.support.ApiTest;
import dev.users.app.support.HeaderHttp;
import dev.users.app.support.HeaderHttp.Answer;
import dev.users.app.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.users.app.support.HeaderHttp.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on POST, both surfaces: replays write nothing, other bodies are 422, in-flight retries 409. */
class IdempotencyApiTest extends ApiTest {

    private static final String USERS = "/api/v4/users";
    private static final String V3_USERS = "/v3/settings/users";

    @Autowired
    JdbcClient jdbc;

    private HeaderHttp http;

    @BeforeEach
    void client() {
        http = new HeaderHttp(port, BOOTSTRAP_KEY);
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private Answer createV4(Map<String, String> headers, String email) {
        return http.send("POST", USERS, Map.of("name", "Once Only", "email", email), headers);
    }

    @Test
    void aRetryGetsTheFirstAnswerAndWritesNothing() {
        String key = newKey();
        String email = uniqueEmail("once");
        Answer first = createV4(key(key), email);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        long before = events();

        Answer retry = createV4(key("\"" + key + "\""), email);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.etag()).isEqualTo(first.etag());
        assertThat(retry.header("Content-Type")).contains("application/json");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void everyPostOfBothSurfacesIsCovered() {
        String id = createV4(Map.of(), uniqueEmail("signs")).json().path("id").asString();
        String key = newKey();
        Answer signIn = http.send("POST", USERS + "/" + id + "/sign_ins", Map.of(), key(key));
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(201);
        long before = events();
        Answer again = http.send("POST", USERS + "/" + id + "/sign_ins", Map.of(), key(key));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.etag()).isEqualTo(signIn.etag());
        assertThat(events()).isEqualTo(before);

        String v3Key = newKey();
        Map<String, Object> v3Body = Map.of("first_name", "Three", "last_name", "Once", "role_ids", List.of("admin"));
        Answer v3 = http.send("POST", V3_USERS, v3Body, key(v3Key));
        assertThat(v3.status()).as(v3.toString()).isEqualTo(201);
        Answer v3Again = http.send("POST", V3_USERS, v3Body, key(v3Key));
        assertThat(v3Again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(v3Again.text()).isEqualTo(v3.text());

        Answer other = http.send("POST", V3_USERS, Map.of("first_name", "Other", "last_name", "Body",
                "role_ids", List.of("admin")), key(v3Key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("errors").path("base").get(0).asString()).contains("another request");
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIs422AndWritesNothing() {
        String key = newKey();
        assertThat(createV4(key(key), uniqueEmail("first")).status()).isEqualTo(201);
        long before = events();
        Answer other = createV4(key(key), uniqueEmail("second"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("code").asInt()).isEqualTo(422);
        assertThat(other.json().path("errors").get(0).path("message").asString()).contains("Idempotency-Key");
        Answer otherPath = http.send("POST", "/api/v4/account_users", Map.of("user_attributes",
                Map.of("name", "X", "emails_attributes", List.of(Map.of("email", uniqueEmail("x"))))), key(key));
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRetryWhileTheFirstIsInFlightIs409UntilItsClaimIsAbandoned() {
        String key = newKey();
        String email = uniqueEmail("flight");
        Answer first = createV4(key(key), email);
        jdbc.sql("UPDATE idempotency_keys SET status = NULL, body = NULL WHERE idempotency_key = :key")
                .param("key", key).update();

        Answer inFlight = createV4(key(key), email);
        assertThat(inFlight.status()).isEqualTo(409);
        assertThat(inFlight.json().path("errors").get(0).path("message").asString()).contains("still being processed");

        // the node that held it died: after users.idempotency.in-flight-timeout the request may run again
        jdbc.sql("UPDATE idempotency_keys SET claimed_at = now() - interval '1 hour' WHERE idempotency_key = :key")
                .param("key", key).update();
        Answer rerun = createV4(key(key), email);
        assertThat(rerun.header("Idempotent-Replayed")).isNull();
        assertThat(rerun.status()).as(rerun.toString()).isEqualTo(409); // the email is taken by the first run
        assertThat(first.status()).isEqualTo(201);
    }

    @Test
    void manyConcurrentRetriesWriteOnce() throws Exception {
        String key = newKey();
        String email = uniqueEmail("race");
        long before = events();
        List<Answer> answers = concurrently(8, i -> createV4(key(key), email));

        List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));
        assertThat(created).filteredOn(a -> a.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(created).extracting(Answer::text).containsOnly(created.get(0).text());
        String id = created.get(0).json().path("id").asString();
        long userEvents = jdbc.sql("SELECT count(*) FROM event_index WHERE user_id = :id")
                .param("id", UUID.fromString(id)).query(Long.class).single();
        assertThat(events() - before).isEqualTo(userEvents);
    }

    @Test
    void keysBelongToTheirApiKey() {
        String key = newKey();
        String email = uniqueEmail("mine");
        Answer mine = createV4(key(key), email);
        String otherKey = apiKeys.issue(accounts.create("idem-" + key, "US"), "test", null, true);
        Answer theirs = new HeaderHttp(port, otherKey).send("POST", USERS,
                Map.of("name", "Once Only", "email", uniqueEmail("theirs")), key(key));
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isNull();
        assertThat(theirs.json().path("id").asString()).isNotEqualTo(mine.json().path("id").asString());

        // a second key of the same account does not see the first key's answers either
        String sameAccount = apiKeys.issue(accounts.first().orElseThrow(), "second", null, true);
        Answer sibling = new HeaderHttp(port, sameAccount).send("POST", USERS,
                Map.of("name", "Once Only", "email", email), key(key));
        assertThat(sibling.header("Idempotent-Replayed")).isNull();
        assertThat(sibling.status()).isEqualTo(409); // it ran: the email is taken
    }

    @Test
    void anExpiredKeyRunsAgain() {
        String key = newKey();
        Map<String, Object> body = Map.of("first_name", "Expired", "last_name", "Key", "role_ids", List.of("admin"));
        Answer first = http.send("POST", V3_USERS, body, key(key));
        jdbc.sql("UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE idempotency_key = :key")
                .param("key", key).update();
        Answer again = http.send("POST", V3_USERS, body, key(key));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.json().path("id").asString()).isNotEqualTo(first.json().path("id").asString());
    }

    @Test
    void rejectionsAreReplayedButConflictsAreNot() {
        String key = newKey();
        Answer invalid = http.send("POST", USERS, Map.of("name", ""), key(key));
        assertThat(invalid.status()).isEqualTo(422);
        Answer replayed = http.send("POST", USERS, Map.of("name", ""), key(key));
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.text()).isEqualTo(invalid.text());
    }

    @Test
    void hostileKeysAreA400AndWriteNothing() {
        long before = events();
        for (String hostile : List.of("k".repeat(256), "\"\"", "   ", "a\"b", "a\\b")) {
            Answer answer = createV4(key(hostile), uniqueEmail("hostile"));
            assertThat(answer.status()).as(hostile).isEqualTo(400);
            assertThat(answer.json().path("code").asInt()).isEqualTo(400);
        }
        Answer v3 = http.send("POST", V3_USERS, Map.of("first_name", "A", "last_name", "B"), key("x".repeat(300)));
        assertThat(v3.status()).isEqualTo(400);
        assertThat(v3.json().path("error").asString()).contains("at most 255");
        for (String control : List.of("nul\u0000key", "bell\u0007key", "del\u007fkey", "caf\u00e9key")) {
            var raw = new RawHttp(port).send("POST " + USERS + " HTTP/1.1", "Authorization: Bearer " + BOOTSTRAP_KEY
                            + "\nContent-Type: application/json\nIdempotency-Key: " + control,
                    ("{\"name\":\"Raw\",\"email\":\"" + uniqueEmail("raw") + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(raw.status()).as(control).isEqualTo(400);
        }
        assertThat(createV4(key("k".repeat(255)), uniqueEmail("longest")).status()).isEqualTo(201);
        assertThat(events() - before).isEqualTo(2); // only the last: UserCreated and EmailAdded
    }

    @Test
    void aFormBodyIsFingerprintedByItsParameters() {
        String key = newKey();
        String email = uniqueEmail("form");
        String form = "user[name]=Form+Once&user[email]=" + email.replace("@", "%40");
        Answer first = http.send("POST", USERS, form, Map.of("Idempotency-Key", key,
                "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Answer retry = http.send("POST", USERS, form, Map.of("Idempotency-Key", key,
                "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        Answer other = http.send("POST", USERS, form + "&user[first_name]=X", Map.of("Idempotency-Key", key,
                "Content-Type", "application/x-www-form-urlencoded"));
        assertThat(other.status()).isEqualTo(422);
    }
}
