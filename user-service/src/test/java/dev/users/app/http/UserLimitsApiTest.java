package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import dev.users.app.support.ImcoClients;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented per-user limits (docs/api.md, "Limits per user") over HTTP, with the service's default settings, on every path
 * that adds, and the sign-in skew: a sign-in far in the future is refused, so a user's real sign-ins keep working.
 */
class UserLimitsApiTest extends ApiTest {

    private static final String USERS = "/api/v4/users";

    private static String messages(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        return response.json().path("errors").toString();
    }

    private static List<Map<String, Object>> emails(int count) {
        String tag = uniqueEmail("many").replace("@example.com", "");
        return IntStream.range(0, count).<Map<String, Object>>mapToObj(i -> Map.of("email", tag + "-" + i + "@example.com"))
                .toList();
    }

    private static List<Map<String, Object>> phones(int count) {
        return IntStream.range(0, count).<Map<String, Object>>mapToObj(i -> Map.of("phone", "+1415555" + (2600 + i)))
                .toList();
    }

    private static Map<String, String> meta(int keys, int keyLength, int valueLength) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < keys; i++) {
            String key = (i + "k").repeat(keyLength).substring(0, keyLength);
            meta.put(key, "v".repeat(valueLength));
        }
        return meta;
    }

    private String create(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Limited", "email", uniqueEmail("limited")));
        body.putAll(extra);
        var response = api().post(USERS, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    @Test
    void aCreateOverAnyLimitIsA422NamingIt() {
        String email = uniqueEmail("over");
        var response = api().post(USERS, Map.of("name", "Over", "email", email, "emails_attributes", emails(20),
                "phones_attributes", phones(21), "meta", meta(51, 5, 5)));
        assertThat(messages(response)).contains("a user can have at most 20 emails (this request would leave 21)",
                "a user can have at most 20 phones", "a user can have at most 50 meta keys");
        assertThat(api().get(USERS + "?email=" + email).json().path("total_count").asLong()).isZero();
        assertThat(messages(api().post(USERS, Map.of("name", "Long", "email", email, "meta", meta(1, 101, 1)))))
                .contains("meta keys can be at most 100 characters long");
        assertThat(messages(api().post(USERS, Map.of("name", "Long", "email", email, "meta", Map.of("k", "v".repeat(1001))))))
                .contains("meta.k can be at most 1000 characters long");
    }

    @Test
    void theLimitsThemselvesAreAllowed() {
        String id = create(Map.of("emails_attributes", emails(19), "phones_attributes", phones(20),
                "meta", meta(50, 100, 1000)));
        var user = api().get(USERS + "/" + id).json();
        assertThat(user.path("emails")).hasSize(20);
        assertThat(user.path("phones")).hasSize(20);
        assertThat(user.path("meta").size()).isEqualTo(50);
    }

    @Test
    void anUpdateThatAddsPastALimitIsRefusedWhole() {
        String id = create(Map.of("emails_attributes", emails(19)));
        var response = api().put(USERS + "/" + id, Map.of("name", "Renamed", "emails_attributes", emails(1),
                "phones_attributes", phones(1)));
        assertThat(messages(response)).contains("a user can have at most 20 emails");
        var user = api().get(USERS + "/" + id).json();
        assertThat(user.path("name").asString()).isEqualTo("Limited");
        assertThat(user.path("emails")).hasSize(20);
        assertThat(user.path("phones")).isEmpty();
        assertThat(messages(api().put(USERS + "/" + id, Map.of("meta", meta(51, 3, 3)))))
                .contains("a user can have at most 50 meta keys");
    }

    @Test
    void accountUsersKeepAtMostAHundredTeamIdsOfAHundredCharacters() {
        List<String> teams = new ArrayList<>(IntStream.range(0, 101).mapToObj(i -> "team-" + i).toList());
        var create = api().post("/api/v4/account_users", Map.of("user_attributes",
                Map.of("name", "Teams", "email", uniqueEmail("teams")), "team_ids", teams));
        assertThat(messages(create)).contains("a user can have at most 100 team ids");
        var created = api().post("/api/v4/account_users", Map.of("user_attributes",
                Map.of("name", "Teams", "email", uniqueEmail("teams")), "team_ids", teams.subList(0, 100)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(messages(api().put("/api/v4/account_users/" + id, Map.of("team_ids", teams))))
                .contains("a user can have at most 100 team ids");
        assertThat(messages(api().put("/api/v4/account_users/" + id, Map.of("team_ids", List.of("t".repeat(101))))))
                .contains("a team id can be at most 100 characters long");
        assertThat(api().get("/api/v4/account_users/" + id).json().path("team_ids")).hasSize(100);
    }

    @Test
    void fiftyRolesAtMostOnV3CreateAndOnV4Assignment() {
        Http account = otherAccount();
        List<String> roles = new ArrayList<>(List.of("admin", "billing", "broadcaster", "communicator"));
        for (int i = 0; roles.size() < 51; i++) {
            var added = account.post("/v3/settings/roles", Map.of("name", "role-" + i));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            roles.add("role-" + i);
        }
        var v3 = account.post("/v3/settings/users", Map.of("first_name", "V3", "last_name", "Limits", "role_ids", roles));
        assertThat(v3.status()).isEqualTo(422);
        assertThat(ImcoClients.fieldErrors(v3)).containsExactly(
                Map.entry("base", List.of("a user can have at most 50 roles (this request would leave 51)")));
        var created = account.post("/v3/settings/users", Map.of("first_name", "V3", "last_name", "Limits",
                "role_ids", roles.subList(0, 50)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(messages(account.put(USERS + "/" + id + "/roles", Map.of("roles", roles))))
                .contains("a user can have at most 50 roles");
        assertThat(account.put(USERS + "/" + id + "/roles", Map.of("roles", roles.subList(1, 51))).status())
                .isEqualTo(200);
    }

    @Test
    void aSignInFarInTheFutureIsRefusedAndRealSignInsKeepWorking() {
        String id = create(Map.of());
        var future = api().post(USERS + "/" + id + "/sign_ins", Map.of("at", "9999-01-01T00:00:00Z"));
        assertThat(messages(future)).contains("sign-in at 9999-01-01T00:00:00Z is in the future",
                "at most 5 minutes after the time the service received it");
        String tenMinutesAhead = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        assertThat(messages(api().post(USERS + "/" + id + "/sign_ins", Map.of("at", tenMinutesAhead))))
                .contains("is in the future");
        var now = api().post(USERS + "/" + id + "/sign_ins", Map.of());
        assertThat(now.status()).as(now.toString()).isEqualTo(201);
        String twoMinutesAhead = Instant.now().plus(2, ChronoUnit.MINUTES).toString();
        var withinSkew = api().post(USERS + "/" + id + "/sign_ins", Map.of("at", twoMinutesAhead));
        assertThat(withinSkew.status()).as(withinSkew.toString()).isEqualTo(201);
        assertThat(messages(api().post(USERS + "/" + id + "/sign_ins", Map.of("at", "1969-12-31T23:59:59Z"))))
                .contains("is before 1970-01-01T00:00:00Z");
    }
}
