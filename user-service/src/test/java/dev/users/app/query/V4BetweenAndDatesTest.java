package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.UserSignedIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PagerTree's documented filter examples over real HTTP: {@code between} on its own example range, whose ends are
 * included, PagerTree's {@code 2022-10-12 07:00:00} beside ISO-8601 (zone-less is UTC, an unencoded {@code +}
 * offset still means +), the combined gte/lte example, ranges of tiny ids, every malformed range a 422 naming the
 * parameter; and the same date forms in the sign-in audit's {@code from}/{@code to}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V4BetweenAndDatesTest extends QueryTest {

    /** Around PagerTree's example range 2026-06-09T00:00:00-07:00..2026-06-10T00:00:00-07:00, i.e. 07:00Z..07:00Z. */
    private static final List<Instant> CREATED = List.of(
            Instant.parse("2026-06-09T06:59:59.999Z"),   // tiny 1: just before
            Instant.parse("2026-06-09T07:00:00Z"),       // tiny 2: the start, included
            Instant.parse("2026-06-09T20:00:00Z"),       // tiny 3: inside
            Instant.parse("2026-06-10T07:00:00Z"),       // tiny 4: the end, included
            Instant.parse("2026-06-10T07:00:00.001Z"));  // tiny 5: just after
    private static final String EXAMPLE = "created_at=2026-06-09T00:00:00-07:00..2026-06-10T00:00:00-07:00"
            + "&ops=created_at:between";

    private Http http;
    private UUID signedIn;

    @BeforeAll
    void fiveUsersAroundTheExampleRange() {
        Account account = newAccount();
        http = account.http();
        List<UUID> ids = new ArrayList<>();
        for (int tiny = 1; tiny <= CREATED.size(); tiny++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            Instant at = CREATED.get(tiny - 1);
            history(id).appendAt(at, created(id, account.id(), tiny, "User " + tiny, at));
        }
        signedIn = ids.get(2);
        long version = history(signedIn, 0).append(new UserSignedIn(signedIn, null, Instant.parse("2026-06-09T21:00:00Z")),
                new UserSignedIn(signedIn, Instant.parse("2026-06-09T21:00:00Z"), Instant.parse("2026-06-10T09:30:00Z")));
        for (UUID id : ids) {
            awaitVersion(id, id.equals(signedIn) ? version : 0);
        }
    }

    @Test
    void pagerTreesBetweenExampleIncludesBothEnds() {
        JsonNode page = list(EXAMPLE);
        assertThat(tinyIds(page)).containsExactly(2L, 3L, 4L);
        assertThat(page.path("total_count").asLong()).isEqualTo(3);
        assertThat(tinyIds(list(EXAMPLE + "&sort=created_at&direction=desc&limit=2"))).containsExactly(4L, 3L);
    }

    @Test
    void theSameRangeInEveryDateFormNamesTheSameUsers() {
        for (String range : List.of(
                "2026-06-09T07:00:00Z..2026-06-10T07:00:00Z",
                "2026-06-09T07:00:00.000Z..2026-06-10T07:00:00.000Z",
                "2026-06-09T00:00:00.000-07:00..2026-06-10T00:00:00.000-07:00",
                "2026-06-09T09:00:00%2B02:00..2026-06-10T09:00:00%2B02:00",
                // + typed raw: form decoding makes it a space, which is read as +
                "2026-06-09T09:00:00+02:00..2026-06-10T09:00:00+02:00",
                "2026-06-09T07:00:00..2026-06-10T07:00:00",
                "2026-06-09%2007:00:00..2026-06-10%2007:00:00",
                "2026-06-09+07:00:00..2026-06-10+07:00:00",
                "2026-06-09%2007:00..2026-06-10%2007:00",
                "2026-06-09%2000:00:00%20-0700..2026-06-10%2000:00:00%20-0700",
                "2026-06-09%2007:00:00%20UTC..2026-06-10%2007:00:00%20UTC")) {
            assertThat(tinyIds(list("created_at=" + range + "&ops=created_at:between"))).as(range)
                    .containsExactly(2L, 3L, 4L);
        }
        // a date alone is its midnight (UTC): the range ends where the 10th begins
        assertThat(tinyIds(list("created_at=2026-06-09..2026-06-10&ops=created_at:between")))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void pagerTreesCombinedExampleWithItsOwnDateFormat() {
        // ops=start_datetime:gte,end_datetime:lte&start_datetime=2022-10-12 07:00:00&end_datetime=2022-10-13 07:00:00
        // tiny 3 signed in since, which moved its updated_at to now
        assertThat(tinyIds(list("ops=created_at:gte,updated_at:lte&created_at=2026-06-09%2007:00:00"
                + "&updated_at=2026-06-10%2007:00:00"))).containsExactly(2L, 4L);
        assertThat(tinyIds(list("created_at=2026-06-09+07:00:00&ops=created_at:lte"))).containsExactly(1L, 2L);
        assertThat(tinyIds(list("created_at=2026-06-09%2020:00&ops=created_at:gt"))).containsExactly(4L, 5L);
        assertThat(tinyIds(list("created_at=2026-06-09%2020:00:00"))).containsExactly(3L);
    }

    @Test
    void tinyIdsAndSignInsTakeRangesToo() {
        assertThat(tinyIds(list("tiny_id=2..4&ops=tiny_id:between"))).containsExactly(2L, 3L, 4L);
        assertThat(tinyIds(list("tiny_id=3..3&ops=tiny_id:between"))).containsExactly(3L);
        assertThat(tinyIds(list("tiny_id=%202%20..%204%20&ops=tiny_id:between"))).containsExactly(2L, 3L, 4L);
        assertThat(tinyIds(list("tiny_id=-10..1&ops=tiny_id:between"))).containsExactly(1L);
        assertThat(tinyIds(list("last_sign_in_at=2026-06-10..2026-06-11&ops=last_sign_in_at:between")))
                .containsExactly(3L);
        // users never signed in are in no range
        assertThat(tinyIds(list("last_sign_in_at=0001-01-01..9999-12-31&ops=last_sign_in_at:between")))
                .containsExactly(3L);
        assertThat(tinyIds(list("created_at=2026-06-09T00:00:00-07:00..2026-06-10T00:00:00-07:00&tiny_id=3..9"
                + "&ops=created_at:between,tiny_id:between")))
                .containsExactly(3L, 4L);
    }

    @Test
    void everyMalformedRangeIsA422NamingTheParameter() {
        String shape = "created_at with between must be two values joined by .., both included, such as "
                + "2026-06-09T00:00:00-07:00..2026-06-10T00:00:00-07:00";
        for (String value : List.of("2026-06-09", "2026-06-09..", "..2026-06-10", "..", "%20..%20", "")) {
            assertThat(invalid("created_at=" + value + "&ops=created_at:between")).as(value).containsExactly(shape);
        }
        assertThat(invalid("created_at=2026-06-10..2026-06-09&ops=created_at:between"))
                .containsExactly("created_at with between must not end before it starts");
        // compared as instants: 2026-06-09T23:59:59-07:00 is after 2026-06-10T00:00:00Z
        assertThat(tinyIds(list("created_at=2026-06-10T00:00:00Z..2026-06-09T23:59:59-07:00&ops=created_at:between")))
                .isEmpty();
        String ends = "invalid value for created_at: expected a timestamp such as";
        for (String value : List.of("yesterday..today", "2026-06-09...2026-06-10", "2026-06-09..2026-06-10..2026-06-11",
                "2026-06-09..10000-01-01", "2026-02-30..2026-03-01")) {
            assertThat(invalid("created_at=" + value + "&ops=created_at:between")).as(value).singleElement()
                    .asString().startsWith(ends).endsWith("at each end of ..");
        }
        assertThat(invalid("tiny_id=5..2&ops=tiny_id:between"))
                .containsExactly("tiny_id with between must not end before it starts");
        assertThat(invalid("tiny_id=1...5&ops=tiny_id:between"))
                .containsExactly("invalid value for tiny_id: expected a whole number at each end of ..");
        assertThat(invalid("tiny_id=7&ops=tiny_id:between")).containsExactly(
                "tiny_id with between must be two values joined by .., both included, such as 10..20");
        for (String attribute : List.of("name", "email", "notify_sms", "id", "meta.k", "phones.country")) {
            assertThat(invalid(attribute + "=a..b&ops=" + attribute + ":between")).as(attribute)
                    .containsExactly("operator between cannot be used on " + attribute);
        }
        assertThat(invalid("tiny_id=5..2&created_at=x..y&ops=tiny_id:between,created_at:between")).hasSize(2);
    }

    @Test
    void theSignInAuditReadsTheSameDateForms() {
        String path = "/api/v4/users/" + signedIn + "/sign_ins?";
        assertThat(signedInAt(ok(path + "from=2026-06-09%2021:00:00&to=2026-06-10"))).containsExactly(
                "2026-06-09T21:00:00.000Z");
        assertThat(signedInAt(ok(path + "from=2026-06-10T11:30:00+02:00"))).containsExactly("2026-06-10T09:30:00.000Z");
        assertThat(signedInAt(ok(path + "from=2026-06-10T11:30:00%2B02:00"))).containsExactly("2026-06-10T09:30:00.000Z");
        assertThat(signedInAt(ok("/api/v4/sign_ins?from=2026-06-09%2014:00:00%20-0700&to=2026-06-10%2009:30")))
                .containsExactly("2026-06-09T21:00:00.000Z");
        Http.Response bad = http.get(path + "from=2026-06-09%2024:00&to=10000-01-01");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").values().stream().map(e -> e.path("message").asString()).toList())
                .allMatch(m -> m.startsWith("from must be a timestamp such as") || m.startsWith("to must be"))
                .hasSize(2);
    }

    private JsonNode list(String query) {
        return ok("/api/v4/users?" + query);
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        return response.json();
    }

    private List<String> invalid(String query) {
        Http.Response response = http.get("/api/v4/users?" + query);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(422);
        assertThat(response.json().path("code").asInt()).isEqualTo(422);
        return response.json().path("errors").values().stream().map(e -> e.path("message").asString()).toList();
    }

    private static List<Long> tinyIds(JsonNode page) {
        return page.path("data").values().stream().map(u -> u.path("tiny_id").asLong()).toList();
    }

    private static List<String> signedInAt(JsonNode page) {
        return page.path("data").values().stream().map(s -> s.path("signed_in_at").asString()).toList();
    }
}
