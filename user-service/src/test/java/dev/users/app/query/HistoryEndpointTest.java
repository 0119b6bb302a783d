package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.EmailAdded;
import dev.users.events.LanguageChanged;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.web.PrefixIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's history from the event store: entries, changes in the v4 object's terms, filters, paging, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryEndpointTest extends QueryTest {

    private static final Instant T1 = Instant.parse("2024-04-01T09:00:00.123456Z");
    private static final Instant T2 = Instant.parse("2024-04-02T09:00:00Z");
    private static final Instant T3 = Instant.parse("2024-04-03T09:00:00Z");
    private static final Instant T4 = Instant.parse("2024-04-04T09:00:00Z");

    private final UUID alice = UUID.randomUUID();
    private final UUID removed = UUID.randomUUID();
    private final UUID email = UUID.randomUUID();
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
        a.appendAt(T3, new EmailAdded(alice, email, "alice@example.com", true));
        a.appendAt(T4, new LanguageChanged(alice, "de"));
        UserHistory r = history(removed);
        r.appendAt(T1, created(removed, account.id(), 2, "Rem", T1));
        r.appendAt(T2, new UserRemoved(removed, List.of(), T2));
        awaitVersion(alice, a.version());
    }

    @Test
    void entriesOldestFirstWithTheirChangesAndMetadata() {
        JsonNode page = ok("/api/v4/users/" + alice + "/history");
        assertThat(page.path("total_count").asLong()).isEqualTo(4);
        assertThat(types(page)).containsExactly("dev.users.user_created.v1", "dev.users.user_renamed.v1",
                "dev.users.email_added.v1", "dev.users.language_changed.v2");
        JsonNode first = page.path("data").get(0);
        assertThat(first.propertyNames()).containsExactly("sequence", "position", "type", "occurred_at", "data",
                "changes", "metadata");
        assertThat(first.path("occurred_at").asString()).isEqualTo("2024-04-01T09:00:00.123Z");
        assertThat(first.path("data").path("account_id").asString()).isNotBlank();
        assertThat(first.path("data").path("time_zone").path("zone_id").asString()).isEqualTo("Europe/London");
        assertThat(first.path("metadata").path("api_key_id").asString()).isEqualTo(UserHistory.API_KEY);
        JsonNode renamed = page.path("data").get(1);
        assertThat(renamed.path("sequence").asLong()).isEqualTo(1);
        assertThat(renamed.path("position").asLong()).isGreaterThan(first.path("position").asLong());
        assertThat(renamed.path("changes").size()).isEqualTo(1);
        assertThat(renamed.path("changes").get(0).path("field").asString()).isEqualTo("name");
        assertThat(renamed.path("changes").get(0).path("from").asString()).isEqualTo("Alice");
        assertThat(renamed.path("changes").get(0).path("to").asString()).isEqualTo("Alice B");
        JsonNode emailAdded = page.path("data").get(2).path("changes").get(0);
        assertThat(emailAdded.path("field").asString()).isEqualTo("emails");
        assertThat(emailAdded.path("from").size()).isZero();
        assertThat(emailAdded.path("to").get(0).path("email").asString()).isEqualTo("alice@example.com");
        assertThat(ok("/api/v4/users/" + PrefixIds.of(PrefixIds.USER, alice) + "/history")).isEqualTo(page);
    }

    @Test
    void newestFirstFiltersAndPages() {
        assertThat(types(ok("/api/v4/users/" + alice + "/history?direction=desc&limit=2")))
                .containsExactly("dev.users.language_changed.v2", "dev.users.email_added.v1");
        JsonNode second = ok("/api/v4/users/" + alice + "/history?limit=2&page=2");
        assertThat(types(second)).containsExactly("dev.users.email_added.v1", "dev.users.language_changed.v2");
        assertThat(second.path("has_more").asBoolean()).isFalse();
        assertThat(types(ok("/api/v4/users/" + alice + "/history?type=dev.users.user_renamed.v1,"
                + "dev.users.language_changed.v2"))).containsExactly("dev.users.user_renamed.v1",
                "dev.users.language_changed.v2");
        JsonNode range = ok("/api/v4/users/" + alice + "/history?from=" + T2 + "&to=" + T4);
        assertThat(types(range)).containsExactly("dev.users.user_renamed.v1", "dev.users.email_added.v1");
        assertThat(range.path("total_count").asLong()).isEqualTo(2);
    }

    @Test
    void aRemovedUsersHistoryEndsWithItsRemoval() {
        JsonNode page = ok("/api/v4/users/" + removed + "/history");
        assertThat(types(page)).containsExactly("dev.users.user_created.v1", "dev.users.user_removed.v1");
        JsonNode removal = page.path("data").get(1).path("changes");
        assertThat(removal.size()).isEqualTo(1);
        assertThat(removal.get(0).path("field").asString()).isEqualTo("removed_at");
        assertThat(removal.get(0).path("from").isNull()).isTrue();
        assertThat(removal.get(0).path("to").asString()).isEqualTo("2024-04-02T09:00:00.000Z");
    }

    @Test
    void unknownAndOtherAccountsUsersAreNotFound() {
        assertThat(other.get("/api/v4/users/" + alice + "/history").status()).isEqualTo(404);
        assertThat(http.get("/api/v4/users/" + UUID.randomUUID() + "/history").status()).isEqualTo(404);
        assertThat(http.get("/api/v4/users/not-an-id/history").status()).isEqualTo(404);
    }

    @Test
    void badParametersAre422NamingThem() {
        for (String query : List.of("direction=up", "type=dev.users.nothing.v1", "type=UserCreated",
                "type=dev.users.user_created.v1x", "from=yesterday", "to=2024-13-01", "limit=0", "limit=101",
                "offset=-1", "direction=asc&direction=desc", "from=%00", "type=%01", "to=" + "9".repeat(5000))) {
            Http.Response response = http.get("/api/v4/users/" + alice + "/history?" + query);
            assertThat(response.status()).as(query).isEqualTo(422);
            String name = query.substring(0, query.indexOf('='));
            assertThat(response.text()).as(query).contains(name);
        }
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.path("data").forEach(entry -> types.add(entry.path("type").asString()));
        return types;
    }
}
