package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v4/verify: the whole account's (or the whole store's) users rebuilt from their events against the read
 * models; a read-model row corrupted by SQL, and a row no events made, are reported by field.
 */
class StoreCheckTest extends QueryTest {

    @Test
    void corruptedAndOrphanedRowsAreReportedAndOnlyInTheirAccount() {
        Account account = newAccount();
        Http http = account.http();
        UUID fine = UUID.randomUUID();
        UUID corrupted = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        UUID orphan = UUID.randomUUID();
        long tiny = 1;
        for (UUID user : List.of(fine, corrupted, removed)) {
            UserHistory h = history(user);
            h.append(created(user, account.id(), tiny++, "Name", Instant.now()), new UserRenamed(user, "Renamed", null, null));
            awaitVersion(user, h.version());
        }
        history(removed, 1).append(new UserRemoved(removed, List.of(), Instant.now()));
        awaitGone(removed);
        JsonNode clean = verify(http, "");
        assertThat(clean.path("consistent").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.path("users_checked").asLong()).isEqualTo(3);

        jdbc.sql("update user_directory set name = 'Mallory' where user_id = ?").param(corrupted).update();
        // a copy of a row under an id no events have: a row the read model should not hold
        jdbc.sql("insert into user_directory select (jsonb_populate_record(null::user_directory, to_jsonb(d)"
                + " || jsonb_build_object('user_id', ?::text, 'tiny_id', 999))).* from user_directory d where user_id = ?")
                .params(orphan.toString(), fine).update();
        try {
            JsonNode answer = verify(http, "");
            assertThat(answer.path("scope").asString()).isEqualTo("account");
            assertThat(answer.path("consistent").asBoolean()).isFalse();
            assertThat(answer.path("users_checked").asLong()).isEqualTo(4);
            assertThat(answer.path("inconsistent_users").asLong()).isEqualTo(2);
            assertThat(users(answer)).containsExactly(corrupted.toString(), orphan.toString());
            JsonNode name = answer.path("users").get(0).path("differences").get(0);
            assertThat(name.path("surface").asString()).isEqualTo("v4");
            assertThat(name.path("field").asString()).isEqualTo("name");
            assertThat(name.path("events").asString()).isEqualTo("Renamed");
            assertThat(name.path("read_model").asString()).isEqualTo("Mallory");
            JsonNode exists = answer.path("users").get(1).path("differences").get(0);
            assertThat(exists.path("field").asString()).isEqualTo("exists");
            assertThat(exists.path("events").asBoolean()).isFalse();

            Http.Response store = api().send("POST", "/api/v4/verify?scope=store", null, null);
            assertThat(store.status()).as(store.text()).isEqualTo(200);
            assertThat(store.json().path("scope").asString()).isEqualTo("store");
            assertThat(users(store.json())).contains(corrupted.toString(), orphan.toString());
            assertThat(store.json().path("users_checked").asLong()).isGreaterThanOrEqualTo(4);

            assertThat(users(verify(newAccount().http(), ""))).doesNotContain(corrupted.toString(), orphan.toString());
        } finally {
            jdbc.sql("delete from user_directory where user_id = ?").param(orphan).update();
            jdbc.sql("update user_directory set name = 'Renamed' where user_id = ?").param(corrupted).update();
        }
        assertThat(verify(http, "").path("consistent").asBoolean()).isTrue();
    }

    @Test
    void onlyAdminKeysCheckAnAccountAndOnlyTheOperatorTheStore() {
        Account account = newAccount();
        Http write = new Http(port, apiKeys.issue(account.id(), "write", null, false));
        assertThat(write.send("POST", "/api/v4/verify", null, null).status()).isEqualTo(403);
        assertThat(account.http().send("POST", "/api/v4/verify?scope=store", null, null).status()).isEqualTo(403);
        for (String query : List.of("scope=all", "scope=", "scope=account&scope=store", "scope=%00")) {
            Http.Response response = account.http().send("POST", "/api/v4/verify?" + query, null, null);
            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.text()).as(query).contains("scope");
        }
        assertThat(account.http().get("/api/v4/verify").status()).isEqualTo(405);
        assertThat(verify(account.http(), "?scope=account").path("users_checked").asLong()).isZero();
    }

    private static JsonNode verify(Http http, String query) {
        Http.Response response = http.send("POST", "/api/v4/verify" + query, null, null);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> users(JsonNode answer) {
        List<String> users = new ArrayList<>();
        answer.path("users").forEach(user -> users.add(user.path("user_id").asString()));
        return users;
    }

}
