package dev.users.app.query;

import dev.users.app.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.users.app.query.V4ListFixture.day;
import static dev.users.app.query.V4ListFixture.email;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v4/users}: PagerTree pagination, filters with every operator, sorting, and 422s. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V4UserListTest extends QueryTest {

    private final V4ListFixture fixture = new V4ListFixture();
    private Http http;

    @BeforeAll
    void twelveUsers() {
        Account account = newAccount();
        http = account.http();
        List<Long> versions = fixture.appendTo(this, account.id());
        for (int i = 0; i < versions.size(); i++) {
            awaitVersion(fixture.ids.get(i), versions.get(i));
        }
    }

    @Test
    void firstPageHasTenUsersByTinyIdAndTheAccountsTotal() {
        JsonNode page = list("");
        assertThat(tinyIds(page)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(page.path("total_count").asLong()).isEqualTo(12);
        assertThat(page.propertyNames()).containsExactly("data", "has_more", "total_count");
        assertThat(page.path("data").get(0).path("emails").get(0).path("email").asString()).isEqualTo(email(1));
    }

    @Test
    void pagesAndOffsetsAddressTheSameRows() {
        assertThat(tinyIds(list("limit=5&page=2"))).containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(list("limit=5&page=2").path("has_more").asBoolean()).isTrue();
        JsonNode last = list("limit=5&page=3");
        assertThat(tinyIds(last)).containsExactly(11L, 12L);
        assertThat(last.path("has_more").asBoolean()).isFalse();
        assertThat(tinyIds(list("limit=5&offset=10"))).containsExactly(11L, 12L);
        assertThat(tinyIds(list("limit=5&offset=11"))).containsExactly(12L);
        assertThat(tinyIds(list("limit=12"))).hasSize(12);
        assertThat(list("limit=12").path("has_more").asBoolean()).isFalse();
        assertThat(tinyIds(list("page=9"))).isEmpty();
        assertThat(list("page=9").path("total_count").asLong()).isEqualTo(12);
    }

    @Test
    void limitsOutsideOneToHundredAreRejected() {
        for (String limit : List.of("0", "101", "-1", "ten", "1.5")) {
            assertThat(messages(invalid("limit=" + limit))).containsExactly("limit must be between 1 and 100");
        }
        assertThat(tinyIds(list("limit=100"))).hasSize(12);
        assertThat(messages(invalid("offset=-1"))).containsExactly("offset must be a whole number of at least 0");
        assertThat(messages(invalid("page=0"))).containsExactly("page must be a whole number of at least 1");
    }

    @Test
    void equalsIsTheDefaultOperatorAndFiltersCountThemselves() {
        JsonNode london = list("time_zone=London&limit=4");
        assertThat(tinyIds(london)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(london.path("has_more").asBoolean()).isTrue();
        assertThat(london.path("total_count").asLong()).isEqualTo(6);
        assertThat(tinyIds(list("preferred_language=de&ops=preferred_language:equals")))
                .containsExactly(2L, 4L, 6L, 8L, 10L);
        assertThat(tinyIds(list("name=Bob%20Brown"))).containsExactly(2L);
        assertThat(tinyIds(list("tiny_id=7"))).containsExactly(7L);
        assertThat(tinyIds(list("created_at=" + day(5)))).containsExactly(5L);
        assertThat(tinyIds(list("notify_sms=false"))).containsExactly(3L, 4L);
    }

    @Test
    void neKeepsUsersWithoutTheAttribute() {
        assertThat(tinyIds(list("preferred_language=en&ops=preferred_language:ne")))
                .containsExactly(2L, 4L, 6L, 8L, 10L, 12L);
        assertThat(list("tiny_id=1&ops=tiny_id:ne").path("total_count").asLong()).isEqualTo(11);
        assertThat(tinyIds(list("notify_sms=true&ops=notify_sms:ne"))).containsExactly(3L, 4L);
        assertThat(list("last_sign_in_at=" + day(30) + "&ops=last_sign_in_at:ne").path("total_count").asLong())
                .isEqualTo(11);
    }

    @Test
    void comparisonsOnNumbersTimestampsAndTexts() {
        assertThat(tinyIds(list("tiny_id=3&ops=tiny_id:lt"))).containsExactly(1L, 2L);
        assertThat(tinyIds(list("tiny_id=3&ops=tiny_id:lte"))).containsExactly(1L, 2L, 3L);
        assertThat(tinyIds(list("tiny_id=10&ops=tiny_id:gt"))).containsExactly(11L, 12L);
        assertThat(tinyIds(list("tiny_id=11&ops=tiny_id:gte"))).containsExactly(11L, 12L);
        assertThat(tinyIds(list("created_at=" + day(10) + "&ops=created_at:gte"))).containsExactly(10L, 11L, 12L);
        assertThat(tinyIds(list("updated_at=" + day(2) + "&ops=updated_at:lt"))).containsExactly(1L);
        assertThat(tinyIds(list("last_sign_in_at=" + day(30) + "&ops=last_sign_in_at:gt"))).containsExactly(2L);
        // an offset is accepted too; this is the same instant as day 31 in UTC
        assertThat(tinyIds(list("last_sign_in_at=2024-02-01T02:00:00%2B02:00&ops=last_sign_in_at:gte")))
                .containsExactly(2L);
        assertThat(tinyIds(list("name=C&ops=name:lt"))).containsExactly(1L, 2L);
        assertThat(tinyIds(list("name=K&ops=name:gt"))).containsExactly(11L, 12L);
    }

    @Test
    void beginsWithAndContainsIgnoreCaseAndMatchWildcardsLiterally() {
        assertThat(tinyIds(list("name=al&ops=name:beginsWith"))).containsExactly(1L);
        assertThat(tinyIds(list("name=AN&ops=name:contains"))).containsExactly(5L, 6L, 9L);
        assertThat(tinyIds(list("name=_&ops=name:contains"))).containsExactly(3L);
        assertThat(tinyIds(list("name=%25&ops=name:contains"))).containsExactly(4L);
        assertThat(tinyIds(list("time_zone=eastern&ops=time_zone:beginsWith"))).containsExactly(7L, 8L, 9L, 10L, 11L);
    }

    /** An address or number filter finds its rows first (a materialized query) and sorts them after: any sort works. */
    @Test
    void anAddressFilterWorksWithEverySortAndPage() {
        for (String sort : List.of("tiny_id", "name", "time_zone", "preferred_language", "created_at", "updated_at",
                "last_sign_in_at")) {
            assertThat(tinyIds(list("email=" + email(2) + "&sort=" + sort + "&direction=desc"))).as(sort)
                    .containsExactly(2L);
        }
        assertThat(tinyIds(list("phone=%2B14155550101&role=admin"))).containsExactly(1L);
        assertThat(tinyIds(list("email=" + email(2) + "&offset=1"))).isEmpty();
    }

    @Test
    void emailPhoneAndRoleMatchAnyOfTheUsersValues() {
        assertThat(tinyIds(list("email=BOB.SECOND@List.Example"))).containsExactly(2L);
        assertThat(tinyIds(list("email=" + email(2)))).containsExactly(2L);
        assertThat(list("email=" + email(1) + "&ops=email:ne").path("total_count").asLong()).isEqualTo(11);
        assertThat(tinyIds(list("email=user1&ops=email:beginsWith"))).containsExactly(1L, 10L, 11L, 12L);
        assertThat(tinyIds(list("email=SECOND&ops=email:contains"))).containsExactly(2L);
        assertThat(tinyIds(list("phone=%2B14155550101"))).containsExactly(1L);
        // an unencoded + arrives as a space; the E.164 number is still what the client meant
        assertThat(tinyIds(list("phone=+442071838750"))).containsExactly(2L);
        assertThat(tinyIds(list("role=admin"))).containsExactly(1L, 2L);
        assertThat(list("role=admin&ops=role:ne").path("total_count").asLong()).isEqualTo(10);
        assertThat(tinyIds(list("role=BIL&ops=role:beginsWith"))).containsExactly(2L);
    }

    @Test
    void idFiltersTakeEitherIdForm() {
        UUID fifth = fixture.ids.get(4);
        assertThat(tinyIds(list("id=" + fifth))).containsExactly(5L);
        assertThat(tinyIds(list("id=usr_" + fifth.toString().replace("-", "")))).containsExactly(5L);
        assertThat(list("id=" + fifth + "&ops=id:ne").path("total_count").asLong()).isEqualTo(11);
    }

    @Test
    void filtersCombineWithAnd() {
        assertThat(tinyIds(list("time_zone=London&preferred_language=de&notify_sms=true"))).containsExactly(2L, 6L);
    }

    @Test
    void sortsAscendingOrDescendingWithAUniqueTieBreaker() {
        assertThat(tinyIds(list("sort=name&direction=desc&limit=3"))).containsExactly(12L, 11L, 10L);
        assertThat(tinyIds(list("sort=name&limit=3"))).containsExactly(1L, 2L, 3L);
        assertThat(tinyIds(list("sort=tiny_id&direction=DESC&limit=2"))).containsExactly(12L, 11L);
        assertThat(tinyIds(list("sort=created_at&direction=desc&limit=3"))).containsExactly(12L, 11L, 10L);
        assertThat(tinyIds(list("sort=updated_at&direction=asc&limit=2"))).containsExactly(1L, 2L);
        assertThat(tinyIds(list("sort=last_sign_in_at&limit=2"))).containsExactly(1L, 2L);
        List<Long> byZone = tinyIds(list("sort=time_zone&limit=12"));
        assertThat(byZone.subList(0, 5)).containsExactlyInAnyOrder(7L, 8L, 9L, 10L, 11L);
        assertThat(byZone.get(11)).isEqualTo(12L);
        List<Long> byLanguage = tinyIds(list("sort=preferred_language&direction=desc&limit=12"));
        assertThat(byLanguage.get(0)).isEqualTo(12L);
        // paging through a sort with ties never repeats or skips a user
        List<Long> paged = IntStream.rangeClosed(1, 4).boxed()
                .flatMap(p -> tinyIds(list("sort=time_zone&limit=3&page=" + p)).stream()).toList();
        assertThat(paged).containsExactlyElementsOf(byZone);
    }

    @Test
    void badOperatorsSortsAndValuesAreNamedInOne422() {
        assertThat(messages(invalid("name=x&ops=name:like"))).singleElement().asString()
                .contains("unknown operator 'like' for name");
        assertThat(messages(invalid("email=a@b.c&ops=email:lt"))).containsExactly("operator lt cannot be used on email");
        assertThat(messages(invalid("phone=%2B1&ops=phone:gte"))).containsExactly("operator gte cannot be used on phone");
        assertThat(messages(invalid("notify_sms=true&ops=notify_sms:gt")))
                .containsExactly("operator gt cannot be used on notify_sms");
        assertThat(messages(invalid("name=x&ops=name"))).singleElement().asString().contains("attribute:operator");
        assertThat(messages(invalid("ops=bogus:equals"))).singleElement().asString().contains("bogus");
        assertThat(messages(invalid("tiny_id=abc"))).singleElement().asString().contains("tiny_id");
        assertThat(messages(invalid("created_at=yesterday"))).singleElement().asString().contains("created_at");
        assertThat(messages(invalid("notify_push=maybe"))).singleElement().asString().contains("notify_push");
        assertThat(messages(invalid("id=nope"))).singleElement().asString().contains("id");
        assertThat(messages(invalid("favourite_colour=blue"))).singleElement().asString()
                .contains("unknown filter attribute favourite_colour");
        assertThat(messages(invalid("sort=emails"))).singleElement().asString().startsWith("sort must be one of");
        assertThat(messages(invalid("sort=role"))).singleElement().asString().startsWith("sort must be one of");
        assertThat(messages(invalid("direction=up"))).containsExactly("direction must be asc or desc");
        assertThat(messages(invalid("name=a&name=b"))).containsExactly("parameter name is given more than once");
        assertThat(messages(invalid("limit=0&sort=nope&colour=red&tiny_id=x"))).hasSize(4);
    }

    private JsonNode list(String query) {
        Http.Response response = http.get("/api/v4/users" + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
        return response.json();
    }

    private JsonNode invalid(String query) {
        Http.Response response = http.get("/api/v4/users?" + query);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(422);
        assertThat(response.json().path("code").asInt()).isEqualTo(422);
        return response.json();
    }

    private static List<String> messages(JsonNode error) {
        return error.path("errors").values().stream().map(e -> e.path("message").asString()).toList();
    }

    private static List<Long> tinyIds(JsonNode page) {
        return page.path("data").values().stream().map(u -> u.path("tiny_id").asLong()).toList();
    }
}
