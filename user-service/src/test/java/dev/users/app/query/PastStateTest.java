package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.web.Timestamps;
import dev.users.events.EmailAdded;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** as_of and as_of_version on both surfaces' retrieve: rebuilt from the events, equal to what the surface showed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PastStateTest extends QueryTest {

    private static final Instant T1 = Instant.parse("2024-04-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2024-04-02T09:00:00Z");
    private static final Instant T3 = Instant.parse("2024-04-03T09:00:00Z");

    private final UUID alice = UUID.randomUUID();
    private final UUID gone = UUID.randomUUID();
    private Http http;
    private Http other;

    @BeforeAll
    void events() {
        Account account = newAccount();
        http = account.http();
        other = newAccount().http();
        UserHistory a = history(alice);
        a.appendAt(T1, created(alice, account.id(), 1, "Alice", T1));
        a.appendAt(T2, new UserRenamed(alice, "Alice B", "Alice", "B"));
        a.appendAt(T3, new EmailAdded(alice, UUID.randomUUID(), "alice@example.com", true));
        UserHistory g = history(gone);
        g.appendAt(T1, created(gone, account.id(), 2, "Gone", T1));
        g.appendAt(T2, new UserRenamed(gone, "Gone Later", null, null));
        g.appendAt(T3, new UserRemoved(gone, List.of(), T3));
        awaitVersion(alice, a.version());
        awaitGone(gone);
    }

    @Test
    void theLatestPastStateIsWhatBothSurfacesShowNow() {
        for (String path : List.of("/api/v4/users/" + alice, "/v3/settings/users/" + alice)) {
            JsonNode now = ok(path);
            assertThat(ok(path + "?as_of=" + Instant.now())).as(path).isEqualTo(now);
            assertThat(ok(path + "?as_of_version=2")).as(path).isEqualTo(now);
            assertThat(ok(path + "?as_of_version=99")).as(path).isEqualTo(now);
        }
    }

    @Test
    void anEarlierInstantOrVersionShowsTheStateThen() {
        assertThat(ok("/api/v4/users/" + alice + "?as_of=" + T1).path("name").asString()).isEqualTo("Alice");
        assertThat(ok("/api/v4/users/" + alice + "?as_of=2024-04-02T10:00:00Z").path("name").asString())
                .isEqualTo("Alice B");
        JsonNode atOne = ok("/api/v4/users/" + alice + "?as_of_version=1");
        assertThat(atOne.path("emails").size()).isZero();
        assertThat(atOne.path("updated_at").asString()).isEqualTo(Timestamps.of(T2));
        assertThat(ok("/v3/settings/users/" + alice + "?as_of_version=0").path("email").isNull()).isTrue();
        assertThat(ok("/v3/settings/users/" + alice + "?as_of_version=2").path("email").asString())
                .isEqualTo("alice@example.com");
    }

    @Test
    void beforeCreationIsNotFoundAndAfterRemovalIsTheLastState() {
        assertThat(http.get("/api/v4/users/" + alice + "?as_of=2024-03-31T00:00:00Z").status()).isEqualTo(404);
        assertThat(http.get("/v3/settings/users/" + alice + "?as_of=2024-03-31").status()).isEqualTo(404);
        assertThat(http.get("/api/v4/users/" + gone).status()).isEqualTo(404);
        JsonNode removed = ok("/api/v4/users/" + gone + "?as_of=" + Instant.now());
        assertThat(removed.path("name").asString()).isEqualTo("Gone Later");
        assertThat(removed.path("removed_at").asString()).isEqualTo("2024-04-03T09:00:00.000Z");
        assertThat(ok("/api/v4/users/" + gone + "?as_of_version=1").has("removed_at")).isFalse();
        assertThat(ok("/v3/settings/users/" + gone + "?as_of_version=5").path("removed_at").asString())
                .isEqualTo("2024-04-03T09:00:00.000Z");
    }

    @Test
    void otherAccountsAndUnknownUsersAreNotFound() {
        assertThat(other.get("/api/v4/users/" + alice + "?as_of_version=0").status()).isEqualTo(404);
        assertThat(other.get("/v3/settings/users/" + alice + "?as_of=" + Instant.now()).status()).isEqualTo(404);
        assertThat(http.get("/api/v4/users/" + UUID.randomUUID() + "?as_of_version=0").status()).isEqualTo(404);
    }

    @Test
    void malformedValuesAre422NamingTheParameter() {
        for (String query : List.of("as_of=yesterday", "as_of=", "as_of_version=-1", "as_of_version=x",
                "as_of_version=99999999999999999999", "as_of=%01", "as_of=2024-01-01&as_of=2024-01-02",
                "as_of=2024-01-01&as_of_version=1")) {
            for (String path : List.of("/api/v4/users/" + alice, "/v3/settings/users/" + alice)) {
                Http.Response response = http.get(path + "?" + query);
                assertThat(response.status()).as(path + "?" + query).isEqualTo(422);
                assertThat(response.text()).as(path + "?" + query).contains("as_of");
            }
        }
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response.text()).isEqualTo(200);
        return response.json();
    }
}
