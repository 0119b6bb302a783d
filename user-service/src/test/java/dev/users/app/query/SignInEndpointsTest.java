package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.web.Timestamps;
import dev.users.events.UserSignedIn;
import dev.users.web.PrefixIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in audit over HTTP, per user and per account, newest first, in half-open time ranges. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInEndpointsTest extends QueryTest {

    private static final Instant T1 = Instant.parse("2024-04-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2024-04-02T09:00:00Z");
    private static final Instant T3 = Instant.parse("2024-04-03T09:00:00Z");
    private static final Instant T4 = Instant.parse("2024-04-04T09:00:00Z");

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private Http http;

    @BeforeAll
    void signIns() {
        Account account = newAccount();
        http = account.http();
        UserHistory a = history(alice);
        a.append(created(alice, account.id(), 1, "Alice", BASE));
        a.appendAt(T1.plusSeconds(1), new UserSignedIn(alice, null, T1));
        a.appendAt(T2.plusSeconds(1), new UserSignedIn(alice, T1, T2));
        a.appendAt(T3.plusSeconds(1), new UserSignedIn(alice, T2, T3));
        UserHistory b = history(bob);
        b.append(created(bob, account.id(), 2, "Bob", BASE));
        b.appendAt(T4.plusSeconds(1), new UserSignedIn(bob, null, T4));
        awaitVersion(alice, a.version());
        awaitVersion(bob, b.version());
    }

    @Test
    void aUsersSignInsNewestFirstWithTheirAuditFields() {
        JsonNode page = ok("/api/v4/users/" + alice + "/sign_ins");
        assertThat(signedInAt(page)).containsExactly(Timestamps.of(T3), Timestamps.of(T2), Timestamps.of(T1));
        assertThat(page.path("total_count").asLong()).isEqualTo(3);
        assertThat(page.path("has_more").asBoolean()).isFalse();
        JsonNode newest = page.path("data").get(0);
        assertThat(newest.propertyNames()).containsExactly("id", "user_id", "previous_sign_in_at", "signed_in_at",
                "recorded_at", "api_key_id");
        assertThat(newest.path("user_id").asString()).isEqualTo(alice.toString());
        assertThat(newest.path("previous_sign_in_at").asString()).isEqualTo(Timestamps.of(T2));
        assertThat(newest.path("recorded_at").asString()).isEqualTo(Timestamps.of(T3.plusSeconds(1)));
        assertThat(newest.path("api_key_id").asString()).isEqualTo(UserHistory.API_KEY);
        assertThat(newest.path("id").asString()).isNotBlank();
        assertThat(page.path("data").get(2).path("previous_sign_in_at").isNull()).isTrue();
        assertThat(ok("/api/v4/users/" + PrefixIds.of(PrefixIds.USER, alice) + "/sign_ins")).isEqualTo(page);
    }

    @Test
    void rangesAreHalfOpen() {
        assertThat(signedInAt(ok("/api/v4/users/" + alice + "/sign_ins?from=" + T2)))
                .containsExactly(Timestamps.of(T3), Timestamps.of(T2));
        assertThat(signedInAt(ok("/api/v4/users/" + alice + "/sign_ins?to=" + T2))).containsExactly(Timestamps.of(T1));
        JsonNode between = ok("/api/v4/users/" + alice + "/sign_ins?from=" + T1 + "&to=" + T3);
        assertThat(signedInAt(between)).containsExactly(Timestamps.of(T2), Timestamps.of(T1));
        assertThat(between.path("total_count").asLong()).isEqualTo(2);
    }

    @Test
    void theAccountsSignInsCoverEveryUserAndPage() {
        JsonNode all = ok("/api/v4/sign_ins");
        assertThat(signedInAt(all)).containsExactly(Timestamps.of(T4), Timestamps.of(T3), Timestamps.of(T2), Timestamps.of(T1));
        assertThat(all.path("data").get(0).path("user_id").asString()).isEqualTo(bob.toString());
        JsonNode first = ok("/api/v4/sign_ins?limit=1");
        assertThat(signedInAt(first)).containsExactly(Timestamps.of(T4));
        assertThat(first.path("has_more").asBoolean()).isTrue();
        assertThat(first.path("total_count").asLong()).isEqualTo(4);
        assertThat(signedInAt(ok("/api/v4/sign_ins?limit=2&page=2"))).containsExactly(Timestamps.of(T2), Timestamps.of(T1));
        assertThat(signedInAt(ok("/api/v4/sign_ins?limit=2&offset=3"))).containsExactly(Timestamps.of(T1));
        assertThat(signedInAt(ok("/api/v4/sign_ins?from=" + T3 + "&to=" + T4))).containsExactly(Timestamps.of(T3));
        assertThat(ok("/api/v4/sign_ins?from=" + T4.plusSeconds(1)).path("data")).isEmpty();
    }

    @Test
    void unknownUsersAre404AndBadRangesOrPages422() {
        assertThat(http.get("/api/v4/users/" + UUID.randomUUID() + "/sign_ins").status()).isEqualTo(404);
        assertThat(http.get("/api/v4/users/nope/sign_ins").status()).isEqualTo(404);
        assertThat(otherAccount().get("/api/v4/users/" + alice + "/sign_ins").status()).isEqualTo(404);
        assertThat(otherAccount().get("/api/v4/sign_ins").json().path("total_count").asLong()).isZero();
        Http.Response bad = http.get("/api/v4/sign_ins?from=yesterday&to=2024-13-01&limit=0");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors")).hasSize(3);
        assertThat(bad.json().path("errors").get(1).path("message").asString()).startsWith("from must be");
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        return response.json();
    }

    private static List<String> signedInAt(JsonNode page) {
        return page.path("data").values().stream().map(s -> s.path("signed_in_at").asString()).toList();
    }
}
