package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.EmailAdded;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v4/users/:id/verify: the events against the read model, and a corrupted row reported by field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyTest extends QueryTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID corrupted = UUID.randomUUID();
    private final UUID gone = UUID.randomUUID();
    private Http http;
    private Http other;

    @BeforeAll
    void events() {
        Account account = newAccount();
        http = account.http();
        other = newAccount().http();
        long tinyId = 1;
        for (UUID user : List.of(alice, corrupted)) {
            UserHistory h = history(user);
            h.append(created(user, account.id(), tinyId++, "Alice", Instant.now()),
                    new UserRenamed(user, "Alice B", "Alice", "B"),
                    new EmailAdded(user, UUID.randomUUID(), "alice@example.com", true));
            awaitVersion(user, h.version());
        }
        UserHistory g = history(gone);
        g.append(created(gone, account.id(), 3, "Gone", Instant.now()), new UserRemoved(gone, List.of(), null));
        awaitGone(gone);
    }

    @Test
    void anUntouchedUserAndARemovedOneAreConsistent() {
        JsonNode answer = ok("/api/v4/users/" + alice + "/verify");
        assertThat(answer.path("consistent").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.path("version").asLong()).isEqualTo(2);
        assertThat(answer.path("differences").size()).isZero();
        JsonNode removed = ok("/api/v4/users/" + gone + "/verify");
        assertThat(removed.path("consistent").asBoolean()).as(removed.toString()).isTrue();
        assertThat(removed.path("removed_at").asString()).isNotBlank();
    }

    @Test
    void aRowCorruptedBySqlIsReportedByField() {
        jdbc.sql("update user_directory set name = 'Mallory' where user_id = ?").param(corrupted).update();
        JsonNode answer = ok("/api/v4/users/" + corrupted + "/verify");
        assertThat(answer.path("consistent").asBoolean()).isFalse();
        List<String> fields = new ArrayList<>();
        answer.path("differences").forEach(d -> fields.add(d.path("surface").asString() + "." + d.path("field").asString()));
        assertThat(fields).contains("v4.name");
        JsonNode v4 = answer.path("differences").get(fields.indexOf("v4.name"));
        assertThat(v4.path("events").asString()).isEqualTo("Alice B");
        assertThat(v4.path("read_model").asString()).isEqualTo("Mallory");
    }

    @Test
    void otherAccountsAndUnknownUsersAreNotFound() {
        assertThat(other.get("/api/v4/users/" + alice + "/verify").status()).isEqualTo(404);
        assertThat(http.get("/api/v4/users/" + UUID.randomUUID() + "/verify").status()).isEqualTo(404);
        assertThat(http.get("/api/v4/users/not-an-id/verify").status()).isEqualTo(404);
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response.text()).isEqualTo(200);
        return response.json();
    }
}
