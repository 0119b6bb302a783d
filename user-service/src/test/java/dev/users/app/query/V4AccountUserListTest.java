package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.TeamsAssigned;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v4/account_users}: PagerTree's envelope of account users, with the users list's paging, filters,
 * operators and sorts, over the twelve users of {@link V4ListFixture} (search: {@link V4SearchTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V4AccountUserListTest extends QueryTest {

    private final V4ListFixture fixture = new V4ListFixture();
    private Http http;

    @BeforeAll
    void twelveUsersAndAnAccountRole() {
        Account account = newAccount();
        http = account.http();
        addAccountRole(account.id(), "responder", BASE);
        List<Long> versions = fixture.appendTo(this, account.id());
        UUID third = fixture.ids.get(2);
        long teams = history(third, versions.get(2)).appendAt(V4ListFixture.day(40), new TeamsAssigned(third, List.of("tm_1")));
        for (int i = 0; i < versions.size(); i++) {
            awaitVersion(fixture.ids.get(i), i == 2 ? teams : versions.get(i));
        }
    }

    @Test
    void firstPageIsTheEnvelopeOfTenAccountUsersByTinyId() {
        JsonNode page = list("");
        assertThat(page.propertyNames()).containsExactly("data", "has_more", "total_count");
        assertThat(tinyIds(page)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(page.path("total_count").asLong()).isEqualTo(12);

        JsonNode second = page.path("data").get(1);
        assertThat(second.propertyNames()).containsExactly("id", "prefix_id", "tiny_id", "account_id", "roles",
                "team_ids", "user", "created_at", "updated_at");
        assertThat(second.path("roles").toString()).isEqualTo("{\"admin\":true,\"billing\":true,"
                + "\"broadcaster\":false,\"communicator\":false,\"responder\":false}");
        assertThat(second.path("user").path("name").asString()).isEqualTo("Bob Brown");
        assertThat(second.path("user").path("emails")).hasSize(2);
        assertThat(page.path("data").get(2).path("team_ids").toString()).isEqualTo("[\"tm_1\"]");
        assertThat(page.path("data").get(3).path("team_ids").toString()).isEqualTo("[]");
    }

    @Test
    void pagesOffsetsAndLimits() {
        assertThat(tinyIds(list("limit=5&page=2"))).containsExactly(6L, 7L, 8L, 9L, 10L);
        JsonNode last = list("limit=5&page=3");
        assertThat(tinyIds(last)).containsExactly(11L, 12L);
        assertThat(last.path("has_more").asBoolean()).isFalse();
        assertThat(tinyIds(list("limit=5&offset=11"))).containsExactly(12L);
        assertThat(tinyIds(list("limit=100"))).hasSize(12);
    }

    @Test
    void filtersOperatorsAndSortsAreTheUsersLists() {
        assertThat(tinyIds(list("role=admin"))).containsExactly(1L, 2L);
        assertThat(tinyIds(list("time_zone=eastern&ops=time_zone:beginsWith"))).containsExactly(7L, 8L, 9L, 10L, 11L);
        assertThat(list("role=admin&ops=role:ne").path("total_count").asLong()).isEqualTo(10);
        assertThat(tinyIds(list("sort=name&direction=desc&limit=3"))).containsExactly(12L, 11L, 10L);
        assertThat(tinyIds(list("updated_at=" + V4ListFixture.day(12) + "&ops=updated_at:gte"))).containsExactly(3L, 12L);
        UUID fifth = fixture.ids.get(4);
        assertThat(tinyIds(list("id=acu_" + fifth.toString().replace("-", "")))).containsExactly(5L);
        assertThat(tinyIds(list("id=" + fifth))).containsExactly(5L);
    }

    @Test
    void badParametersAreOne422InV4sErrorBody() {
        Http.Response response = http.get("/api/v4/account_users?limit=0&sort=nope&colour=red");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("code").asInt()).isEqualTo(422);
        assertThat(response.json().path("errors")).hasSize(3);
    }

    @Test
    void anotherAccountSeesNone() {
        JsonNode page = otherAccount().get("/api/v4/account_users").json();
        assertThat(page.path("data")).isEmpty();
        assertThat(page.path("total_count").asLong()).isZero();
    }

    private JsonNode list(String query) {
        Http.Response response = http.get("/api/v4/account_users" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
        return response.json();
    }

    private static List<Long> tinyIds(JsonNode page) {
        return page.path("data").values().stream().map(u -> u.path("tiny_id").asLong()).toList();
    }
}
