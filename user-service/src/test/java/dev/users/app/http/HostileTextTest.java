package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import dev.users.app.support.ImcoClients;
import dev.users.query.list.ClientTimestamp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text no field can hold (NUL, unpaired surrogates) and controls where they make no sense are a 422 naming the field,
 * on both surfaces, in bodies, object keys, query parameters and path ids; nothing is stored or queried with them.
 */
class HostileTextTest extends ApiTest {

    private static final String USERS = "/api/v4/users";

    /** The messages of a 422 answer, after checking the status. */
    private static List<String> refused(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        List<String> messages = new ArrayList<>();
        response.json().path("errors").forEach(e -> messages.add(e.path("message").asString()));
        return messages;
    }

    private static Map<String, List<String>> v3Refused(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return ImcoClients.fieldErrors(response);
    }

    private String createUser() {
        var created = api().post(USERS, Map.of("name", "Hostile Target", "email", uniqueEmail("target")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private long usersWithEmail(String email) {
        return api().get(USERS + "?email=" + email).json().path("total_count").asLong();
    }

    @Test
    void aNulInAnyV4CreateFieldIsA422NamingItAndNothingIsStored() {
        String email = uniqueEmail("nul");
        Map<String, String> bodies = Map.of(
                "name", "{\"name\": \"a\\u0000b\", \"email\": \"" + email + "\"}",
                "email", "{\"name\": \"ab\", \"email\": \"x\\u0000" + email + "\"}",
                "emails_attributes[0].email", "{\"name\": \"ab\", \"email\": \"" + email
                        + "\", \"emails_attributes\": [{\"email\": \"y\\u0000@example.com\"}]}",
                "phones_attributes[0].phone", "{\"name\": \"ab\", \"email\": \"" + email
                        + "\", \"phones_attributes\": [{\"phone\": \"+1 415 555\\u0000 2671\"}]}",
                "time_zone", "{\"name\": \"ab\", \"email\": \"" + email + "\", \"time_zone\": \"Europe/\\u0000London\"}",
                "preferred_language", "{\"name\": \"ab\", \"email\": \"" + email + "\", \"preferred_language\": \"en\\u0000\"}",
                "meta.team", "{\"name\": \"ab\", \"email\": \"" + email + "\", \"meta\": {\"team\": \"a\\u0000\"}}",
                "meta keys", "{\"name\": \"ab\", \"email\": \"" + email + "\", \"meta\": {\"te\\u0000am\": \"a\"}}");
        bodies.forEach((field, body) -> assertThat(refused(api().post(USERS, body)))
                .as(field).containsExactly(field + " must not contain U+0000 (a control character)"));
        assertThat(usersWithEmail(email)).isZero();
    }

    @Test
    void unpairedSurrogatesAndBidiOverridesAreRefusedToo() {
        String email = uniqueEmail("surrogate");
        assertThat(refused(api().post(USERS, "{\"name\": \"a\\ud800b\", \"email\": \"" + email + "\"}")))
                .containsExactly("name must not contain U+D800 (an unpaired surrogate)");
        assertThat(refused(api().post(USERS, "{\"name\": \"ab\", \"email\": \"" + email
                + "\", \"meta\": {\"k\": \"\\udfff\"}}")))
                .containsExactly("meta.k must not contain U+DFFF (an unpaired surrogate)");
        assertThat(refused(api().post(USERS, Map.of("name", "evil\u202egnp.exe", "email", email))))
                .containsExactly("name must not contain U+202E (a bidirectional formatting character)");
        assertThat(refused(api().post(USERS, Map.of("name", "two\nlines", "email", email))))
                .containsExactly("name must not contain U+000A (a control character)");
        assertThat(usersWithEmail(email)).isZero();
    }

    @Test
    void realNamesAndMultiLineMetaValuesAreKept() {
        String name = "Zoë \u05e9\u05dc\u05d5\u05dd\u200f \ud83d\udc69\u200d\ud83d\udcbb";
        var created = api().post(USERS, Map.of("name", name, "email", uniqueEmail("unicode"),
                "meta", Map.of("notes", "line one\nline two\ttabbed")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("name").asString()).isEqualTo(name);
        assertThat(created.json().path("meta").path("notes").asString()).isEqualTo("line one\nline two\ttabbed");
    }

    @Test
    void formBodiesAreCheckedTheSameWay() {
        var response = api().send("POST", USERS, "user[name]=a%00b&user[email]=" + uniqueEmail("form"),
                "application/x-www-form-urlencoded");
        assertThat(refused(response)).containsExactly("name must not contain U+0000 (a control character)");
        var meta = api().send("POST", USERS, "user[name]=ab&user[email]=" + uniqueEmail("form")
                + "&user[meta][k%01]=v", "application/x-www-form-urlencoded");
        assertThat(refused(meta)).containsExactly("meta keys must not contain U+0001 (a control character)");
    }

    @Test
    void updatesSignInsAndRolesAreCheckedAtTheEdge() {
        String id = createUser();
        assertThat(refused(api().put(USERS + "/" + id, "{\"emails_attributes\": [{\"email\": \"\\u0000@x.com\"}]}")))
                .containsExactly("emails_attributes[0].email must not contain U+0000 (a control character)");
        assertThat(refused(api().put(USERS + "/" + id, "{\"phones_attributes\": [{\"id\": \"phn_\\u0085\"}]}")))
                .contains("phones_attributes[0].id must not contain U+0085 (a control character)");
        assertThat(refused(api().post(USERS + "/" + id + "/sign_ins", "{\"at\": \"2026-01-01T00:00:00Z\\u0000\"}")))
                .containsExactly("at must not contain U+0000 (a control character)");
        assertThat(refused(api().put(USERS + "/" + id + "/roles", "{\"roles\": [\"admin\", \"adm\\u0000in\"]}")))
                .containsExactly("roles[1] must not contain U+0000 (a control character)");
        assertThat(api().get(USERS + "/" + id).json().path("roles")).isEmpty();
    }

    @Test
    void accountUsersCheckRolesKeysAndTeamIds() {
        String email = uniqueEmail("acu");
        var response = api().post("/api/v4/account_users", "{\"user_attributes\": {\"name\": \"a\", \"email\": \""
                + email + "\"}, \"roles\": {\"ad\\u0000min\": true}, \"team_ids\": [\"t1\", \"t\\u0000\"]}");
        assertThat(refused(response)).containsExactly("roles keys must not contain U+0000 (a control character)",
                "team_ids[1] must not contain U+0000 (a control character)");
        assertThat(refused(api().post("/api/v4/account_users",
                "{\"user_attributes\": {\"name\": \"a\\u0007\", \"email\": \"" + email + "\"}}")))
                .containsExactly("user_attributes.name must not contain U+0007 (a control character)");
        assertThat(usersWithEmail(email)).isZero();
    }

    @Test
    void everyTextFilterWithEveryOperatorIsA422NamingTheParameter() {
        for (String attribute : List.of("name", "email", "phone", "role", "time_zone", "preferred_language")) {
            for (String op : List.of("equals", "ne", "lt", "lte", "gt", "gte", "beginsWith", "contains")) {
                for (String list : List.of(USERS, "/api/v4/account_users")) {
                    var response = api().get(list + "?" + attribute + "=a%00b&ops=" + attribute + ":" + op);
                    assertThat(refused(response)).as(list + " " + attribute + " " + op)
                            .containsExactly("query parameter " + attribute + " must not contain U+0000 (a control character)");
                }
            }
        }
        assertThat(refused(api().get(USERS + "?q=%00"))).containsExactly(
                "query parameter q must not contain U+0000 (a control character)");
        assertThat(refused(api().get(USERS + "?sort=name%00"))).containsExactly(
                "query parameter sort must not contain U+0000 (a control character)");
        assertThat(refused(api().get(USERS + "?ops=name%00:equals"))).containsExactly(
                "query parameter ops must not contain U+0000 (a control character)");
        assertThat(refused(api().get(USERS + "?na%00me=x"))).containsExactly(
                "query parameter names must not contain U+0000 (a control character)");
        assertThat(refused(api().get("/api/v4/sign_ins?from=%C2%85"))).containsExactly(
                "query parameter from must not contain U+0085 (a control character)");
    }

    @Test
    void everyReadRefusesAControlInAParameterItDoesNotKnow() {
        for (String path : List.of(USERS, "/api/v4/account_users", "/api/v4/memberships", "/api/v4/sign_ins",
                "/api/v4/audit_log", "/api/v4/events", "/api/v4/events/stream", "/api/v4/accounts",
                "/api/v4/api_keys", "/api/v4/api_key_certificates", "/api/v4/dead_letters")) {
            assertThat(refused(api().get(path + "?unknown=a%00b"))).as(path).containsExactly(
                    "query parameter unknown must not contain U+0000 (a control character)");
        }
    }

    @Test
    void timestampsPostgresqlCannotHoldAre422() {
        for (String value : List.of("%2B999999-01-01T00:00:00Z", "-4714-01-01T00:00:00Z", "0000-12-31T23:59:59Z")) {
            assertThat(refused(api().get(USERS + "?created_at=" + value + "&ops=created_at:gt")))
                    .containsExactly("invalid value for created_at: expected " + ClientTimestamp.EXPECTED);
            assertThat(refused(api().get("/api/v4/sign_ins?to=" + value))).containsExactly(
                    "to must be " + ClientTimestamp.EXPECTED);
        }
        assertThat(api().get(USERS + "?created_at=9999-12-31T23:59:59Z&ops=created_at:lt").status()).isEqualTo(200);
    }

    @Test
    void pathIdsWithControlsAre422AndANulIsTomcatsJson400() {
        for (String path : List.of(USERS + "/usr_%01", "/api/v4/account_users/acu_%C2%9F", "/v3/settings/users/%1B",
                USERS + "/x%7F/sign_ins")) {
            var response = api().get(path);
            assertThat(response.status()).as(path).isEqualTo(422);
            boolean v3 = path.startsWith("/v3/");
            List<String> messages = v3 ? ImcoClients.fieldErrors(response).get("id") : refused(response);
            String start = (v3 ? "" : "id ") + "must not contain U+";
            assertThat(messages).as(path).hasSize(1).allMatch(m -> m.startsWith(start));
        }
        assertThat(refused(api().put(USERS + "/%01", Map.of("name", "x")))).hasSize(1);
        var v3Delete = api().delete("/v3/settings/users/%01");
        assertThat(v3Delete.status()).isEqualTo(422);
        assertThat(ImcoClients.fieldErrors(v3Delete)).containsExactly(
                Map.entry("id", List.of("must not contain U+0001 (a control character)")));
        var nul = api().get(USERS + "/a%00b");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().path("code").asInt()).isEqualTo(400);
    }

    @Test
    void v3CreateListAndRolesAreCheckedAndAnswerInV3Format() {
        var create = api().post("/v3/settings/users",
                "{\"first_name\": \"a\\u0000\", \"last_name\": \"b\\ud800\", \"role_ids\": [\"admin\"]}");
        assertThat(v3Refused(create)).containsExactly(
                Map.entry("first_name", List.of("must not contain U+0000 (a control character)")),
                Map.entry("last_name", List.of("must not contain U+D800 (an unpaired surrogate)")));
        assertThat(v3Refused(api().get("/v3/settings/users?limit=1%00"))).containsExactly(
                Map.entry("limit", List.of("query parameter limit must not contain U+0000 (a control character)")));
        assertThat(v3Refused(api().post("/v3/settings/roles", "{\"name\": \"on\\u0000call\"}"))).containsExactly(
                Map.entry("name", List.of("must not contain U+0000 (a control character)")));
        var role = api().post("/v3/settings/roles", Map.of("name", "hostile-" + System.nanoTime(),
                "description", "first line\nsecond line"));
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        assertThat(v3Refused(api().post("/v3/settings/roles", "{\"name\": \"desc\", \"description\": \"\\u0000\"}")))
                .containsExactly(Map.entry("description", List.of("must not contain U+0000 (a control character)")));
    }

    @Test
    void theReadModelKeepsUpAfterARefusedNul() {
        refused(api().post(USERS, "{\"name\": \"a\\u0000b\", \"email\": \"" + uniqueEmail("before") + "\"}"));
        var created = api().post(USERS, Map.of("name", "After", "email", uniqueEmail("after")));
        // 201, not 202: the projection has nothing it cannot store
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(api().get(USERS + "/" + user.path("id").asString()).status()).isEqualTo(200);
    }
}
