package dev.users.app.versions;

import dev.users.app.support.ApiTest;
import dev.users.app.support.RawHttp;
import dev.users.app.support.HeaderHttp;
import dev.users.app.support.HeaderHttp.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.users.app.support.HeaderHttp.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

/** Versions on the wire: ETag on every user answer of both surfaces, If-Match on writes, If-None-Match on reads. */
class EntityTagsApiTest extends ApiTest {

    private static final String USERS = "/api/v4/users";
    private static final String ACCOUNT_USERS = "/api/v4/account_users";
    private static final String V3_USERS = "/v3/settings/users";

    private HeaderHttp http;

    @BeforeEach
    void client() {
        http = new HeaderHttp(port, BOOTSTRAP_KEY);
    }

    private Answer createV4(String name) {
        Answer created = http.send("POST", USERS, Map.of("name", name, "email", uniqueEmail("tag")), Map.of());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private static Map<String, String> ifMatch(String tag) {
        return Map.of("If-Match", tag);
    }

    @Test
    void everyUserAnswerCarriesTheVersionItShows() {
        Answer created = createV4("Tag Me");
        String id = created.json().path("id").asString();
        assertThat(created.etag()).matches("\"\\d+\"");

        assertThat(http.get(USERS + "/" + id, Map.of()).etag()).isEqualTo(created.etag());
        assertThat(http.get(ACCOUNT_USERS + "/" + id, Map.of()).etag()).isEqualTo(created.etag());
        assertThat(http.get(V3_USERS + "/" + id, Map.of()).etag()).isEqualTo(created.etag());

        Answer updated = http.send("PUT", USERS + "/" + id, Map.of("name", "Tagged"), Map.of());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.version()).isGreaterThan(created.version());
        assertThat(http.get(USERS + "/" + id, Map.of()).etag()).isEqualTo(updated.etag());

        Answer signIn = http.send("POST", USERS + "/" + id + "/sign_ins", Map.of(), Map.of());
        assertThat(signIn.status()).isEqualTo(201);
        assertThat(signIn.version()).isGreaterThan(updated.version());

        Answer v3 = http.send("POST", V3_USERS, Map.of("first_name", "Three", "last_name", "Tags", "role_ids", List.of("admin")), Map.of());
        assertThat(v3.status()).as(v3.toString()).isEqualTo(201);
        assertThat(v3.etag()).isEqualTo(http.get(V3_USERS + "/" + v3.json().path("id").asString(), Map.of()).etag());
    }

    @Test
    void ifNoneMatchOnTheCurrentVersionIsNotModified() {
        Answer created = createV4("Cache Me");
        String id = created.json().path("id").asString();
        for (String path : List.of(USERS + "/" + id, ACCOUNT_USERS + "/" + id, V3_USERS + "/" + id)) {
            Answer same = http.get(path, Map.of("If-None-Match", created.etag()));
            assertThat(same.status()).as(path).isEqualTo(304);
            assertThat(same.text()).isEmpty();
            assertThat(http.get(path, Map.of("If-None-Match", "W/" + created.etag())).status()).isEqualTo(304);
            assertThat(http.get(path, Map.of("If-None-Match", "\"999\", " + created.etag())).status()).isEqualTo(304);
            assertThat(http.get(path, Map.of("If-None-Match", "\"999\"")).status()).isEqualTo(200);
        }
    }

    @Test
    void ifMatchOnAnotherVersionChangesNothingAndNamesTheCurrentOne() {
        Answer created = createV4("Stale Writer");
        String id = created.json().path("id").asString();
        Answer moved = http.send("PUT", USERS + "/" + id, Map.of("name", "Moved On"), Map.of());

        Answer stale = http.send("PUT", USERS + "/" + id, Map.of("name", "Lost Update"), ifMatch(created.etag()));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.etag()).isEqualTo(moved.etag());
        assertThat(stale.json().path("code").asInt()).isEqualTo(412);
        assertThat(stale.json().path("errors").get(0).path("message").asString())
                .contains("current version, which is " + moved.version());

        Answer now = http.get(USERS + "/" + id, Map.of());
        assertThat(now.json().path("name").asString()).isEqualTo("Moved On");
        assertThat(now.etag()).isEqualTo(moved.etag());

        Answer fresh = http.send("PATCH", USERS + "/" + id, Map.of("name", "Careful Writer"), ifMatch(moved.etag()));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(200);
        assertThat(fresh.json().path("name").asString()).isEqualTo("Careful Writer");
        assertThat(http.send("PUT", USERS + "/" + id, Map.of("name", "Any"), ifMatch("*")).status()).isEqualTo(200);
        assertThat(http.send("PUT", USERS + "/" + id + "/roles", Map.of("roles", List.of("admin")),
                ifMatch(moved.etag())).status()).isEqualTo(412);
    }

    @Test
    void deletesOnBothSurfacesHonourIfMatch() {
        Answer v4 = createV4("Delete Me");
        String id = v4.json().path("id").asString();
        assertThat(http.send("DELETE", ACCOUNT_USERS + "/" + id, null, ifMatch("\"" + (v4.version() + 1) + "\""))
                .status()).isEqualTo(412);
        assertThat(http.get(USERS + "/" + id, Map.of()).status()).isEqualTo(200);
        assertThat(http.send("DELETE", ACCOUNT_USERS + "/" + id, null, ifMatch(v4.etag())).status()).isEqualTo(204);

        Answer v3 = http.send("POST", V3_USERS, Map.of("first_name", "Gone", "last_name", "Soon", "role_ids", List.of("admin")), Map.of());
        String v3Id = v3.json().path("id").asString();
        Answer refused = http.send("DELETE", V3_USERS + "/" + v3Id, null, ifMatch("\"not-a-version\""));
        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.json().path("error").asString()).contains("which is " + v3.version());
        assertThat(http.get(V3_USERS + "/" + v3Id, Map.of()).status()).isEqualTo(200);
        Answer deleted = http.send("DELETE", V3_USERS + "/" + v3Id, null, ifMatch(v3.etag()));
        assertThat(deleted.status()).as(deleted.toString()).isIn(200, 204);
    }

    @Test
    void hostileIfMatchHeadersAreA412NeverA500() {
        Answer created = createV4("Hostile Header");
        String id = created.json().path("id").asString();
        String huge = "\"" + "9".repeat(5000) + "\"";
        for (String header : List.of(huge, "\"-1\"", "\"\"", "W/", ",,,", "\"1\"\"", "\"" + Long.MAX_VALUE + "0\"",
                "'0'", created.etag().replace("\"", ""))) {
            Answer answer = http.send("PUT", USERS + "/" + id, Map.of("name", "Never"), ifMatch(header));
            assertThat(answer.status()).as(header).isEqualTo(412);
        }
        var raw = new RawHttp(port).send("PUT " + USERS + "/" + id + " HTTP/1.1",
                "Authorization: Bearer " + BOOTSTRAP_KEY + "\nContent-Type: application/json\nIf-Match: \"0\u0001\"",
                "{\"name\":\"Never\"}".getBytes());
        assertThat(raw.status()).isBetween(400, 499);
        assertThat(http.get(USERS + "/" + id, Map.of()).json().path("name").asString()).isEqualTo("Hostile Header");
        assertThat(http.get(USERS + "/" + id, Map.of()).etag()).isEqualTo(created.etag());
    }

    @Test
    void anotherAccountsUserIsNotFoundWhateverTheTag() {
        Answer created = createV4("Not Yours");
        String id = created.json().path("id").asString();
        String otherKey = apiKeys.issue(accounts.create("tags-" + id, "US"), "test", null, true);
        HeaderHttp other = new HeaderHttp(port, otherKey);
        assertThat(other.send("PUT", USERS + "/" + id, Map.of("name", "Mine"), ifMatch(created.etag())).status())
                .isEqualTo(404);
        assertThat(other.get(USERS + "/" + id, Map.of("If-None-Match", created.etag())).status()).isEqualTo(404);
    }

    /** Of many writers holding the same version, exactly one applies; the others learn the newer version. */
    @Test
    void concurrentWritersWithTheSameVersionExactlyOneWins() throws Exception {
        Answer created = createV4("Contended");
        String id = created.json().path("id").asString();
        List<Answer> answers = concurrently(8, i -> http.send("PUT", USERS + "/" + id,
                Map.of("name", "Writer " + i), ifMatch(created.etag())));

        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() == 412).hasSize(7);
        Answer winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        assertThat(http.get(USERS + "/" + id, Map.of()).json().path("name").asString())
                .isEqualTo(winner.json().path("name").asString());
    }

    /** Without If-Match: different fields both survive; the same fields (with nested meta) are one writer's whole. */
    @Test
    void unconditionalConcurrentUpdatesMergeFieldsAndNeverHalfApply() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = createV4("Merge " + round).json().path("id").asString();
            List<Answer> answers = concurrently(2, i -> http.send("PUT", USERS + "/" + id, i == 0
                    ? Map.of("name", "Renamed") : Map.of("time_zone", "Asia/Tokyo"), Map.of()));
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
            var user = http.get(USERS + "/" + id, Map.of()).json();
            assertThat(user.path("name").asString()).isEqualTo("Renamed");
            assertThat(user.path("time_zone").asString()).isEqualTo("Asia/Tokyo");

            List<Answer> same = concurrently(2, i -> http.send("PUT", USERS + "/" + id,
                    Map.of("name", "Writer " + i, "meta", Map.of("by", "writer " + i, "also", "w" + i),
                            "notify_voice", i == 0), Map.of()));
            assertThat(same).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
            var after = http.get(USERS + "/" + id, Map.of()).json();
            int winner = after.path("name").asString().endsWith("0") ? 0 : 1;
            assertThat(after.path("name").asString()).isEqualTo("Writer " + winner);
            assertThat(after.path("meta").path("by").asString()).isEqualTo("writer " + winner);
            assertThat(after.path("meta").path("also").asString()).isEqualTo("w" + winner);
            assertThat(after.path("notify_voice").asBoolean()).isEqualTo(winner == 0);
        }
    }
}
