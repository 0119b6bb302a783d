package dev.users.app.http;

import dev.users.app.http.MembershipFixture.Account;
import dev.users.app.http.MembershipFixture.Invited;
import dev.users.app.support.ApiTest;
import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.users.app.http.MembershipFixture.HOME_SECRET;
import static dev.users.app.http.MembershipFixture.HOME_TEAM;
import static dev.users.app.http.MembershipFixture.WAIT;
import static dev.users.app.http.MembershipFixture.awaitAccountUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An accepted membership is one of the member account's account users: listed by {@code GET /account_users} and
 * {@code GET /users} with the account's own users, through the same filters, counts, sorts, pages and {@code q}, as
 * the membership sees the person (never the home account's roles, teams or meta). A pending invitation is not
 * listed, an ended membership leaves the lists, the home account's lists stay as they were and a third account sees
 * nothing. The membership's own {@code notification_rule_id} and {@code meta} are set on the invitation and by
 * {@code PUT}, and refused as a user's meta is when hostile.
 */
class MembersInListsTest extends ApiTest {

    private MembershipFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new MembershipFixture(port, accounts, apiKeys);
    }

    /** A member account with three own users and an accepted member, Zed, with the membership's attributes. */
    private record Listed(Invited invited, String zedEmail, List<String> ownNames) {
        Http member() {
            return invited.member().http();
        }
    }

    private Listed listed() {
        Account home = fixture.account();
        Account member = fixture.account();
        List<String> own = List.of("Alma Own", "Bo Own", "Mia Own");
        for (String name : own) {
            assertThat(member.http().post("/api/v4/users", Map.of("name", name, "email", uniqueEmail("own")))
                    .status()).isEqualTo(201);
        }
        String email = uniqueEmail("zed");
        String userId = fixture.person(home, "Zed Member", email);
        Invited invited = fixture.invite(home, member, email, userId, Map.of("roles", Map.of("admin", true),
                "member_team_ids", List.of("member-team"), "notification_rule_id", "nr_member",
                "meta", Map.of("desk", "7")));
        // pending: not an account user of the member account yet
        awaitAccountUser(member.http(), invited.acu(), "pending");
        assertThat(total(member.http(), "/api/v4/account_users")).isEqualTo(3);
        assertThat(total(member.http(), "/api/v4/users?name=Zed%20Member")).isZero();
        fixture.accept(invited);
        await().atMost(WAIT).until(() -> total(member.http(), "/api/v4/account_users") == 4);
        return new Listed(invited, email, own);
    }

    @Test
    void anAcceptedMemberIsListedAsTheMembershipSeesThePerson() {
        Listed l = listed();
        Invited i = l.invited();

        JsonNode accountUsers = l.member().get("/api/v4/account_users?sort=name").json();
        assertThat(accountUsers.path("total_count").asLong()).isEqualTo(4);
        assertThat(names(accountUsers, "user")).containsExactly("Alma Own", "Bo Own", "Mia Own", "Zed Member");
        JsonNode zed = accountUsers.path("data").get(3);
        assertThat(zed.path("prefix_id").asString()).isEqualTo(i.acu());
        assertThat(zed.path("account_id").asString()).isEqualTo(i.member().id().toString());
        assertThat(zed.path("state").asString()).isEqualTo("accepted");
        assertThat(zed.path("roles").path("admin").asBoolean()).isTrue();
        assertThat(zed.path("roles").path("billing").asBoolean()).isFalse();
        assertThat(zed.path("team_ids").toString()).isEqualTo("[\"member-team\"]");
        assertThat(zed.path("notification_rule_id").asString()).isEqualTo("nr_member");
        assertThat(zed.path("meta").toString()).isEqualTo("{\"desk\":\"7\"}");
        assertThat(zed.path("user").path("prefix_id").asString()).isEqualTo(i.userId());
        assertThat(zed.path("user").path("emails").get(0).path("email").asString()).isEqualTo(l.zedEmail());
        // the list shows what the account user's own page shows
        assertThat(zed).isEqualTo(l.member().get("/api/v4/account_users/" + i.acu()).json());

        JsonNode users = l.member().get("/api/v4/users?sort=name&direction=desc").json();
        assertThat(names(users, null)).containsExactly("Zed Member", "Mia Own", "Bo Own", "Alma Own");
        JsonNode zedUser = users.path("data").get(0);
        assertThat(zedUser.path("prefix_id").asString()).isEqualTo(i.userId());
        assertThat(zedUser.path("account_id").asString()).isEqualTo(i.member().id().toString());
        assertThat(zedUser.path("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(zedUser.path("meta").toString()).isEqualTo("{\"desk\":\"7\"}");
        assertThat(accountUsers.toString() + users).doesNotContain(HOME_SECRET).doesNotContain(HOME_TEAM)
                .doesNotContain("billing\":true");

        // the home account's lists are as they were: its person, with its own roles and meta, no membership
        JsonNode home = i.home().http().get("/api/v4/account_users").json();
        assertThat(home.path("total_count").asLong()).isEqualTo(1);
        assertThat(home.path("data").get(0).path("roles").path("billing").asBoolean()).isTrue();
        assertThat(home.path("data").get(0).has("state")).isFalse();
        assertThat(home.path("data").get(0).path("user").path("meta").path("home-secret").asString())
                .isEqualTo(HOME_SECRET);
        // a third account sees nothing of it
        Http stranger = fixture.account().http();
        for (String path : List.of("/api/v4/account_users", "/api/v4/users", "/api/v4/users?q=zed",
                "/api/v4/account_users?prefix_id=" + i.acu(), "/api/v4/users?email=" + l.zedEmail())) {
            assertThat(total(stranger, path)).as(path).isZero();
        }
    }

    @Test
    void filtersCountsSearchAndPagesTakeMembersAsTheyTakeOwnUsers() {
        Listed l = listed();
        Invited i = l.invited();
        Http member = l.member();
        String email = URLEncoder.encode(l.zedEmail(), StandardCharsets.UTF_8);
        String created = member.get("/api/v4/account_users/" + i.acu()).json().path("created_at").asString();
        String day = created.substring(0, 10);
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.put("/api/v4/users?name=Zed%20Member", 1L);
        expected.put("/api/v4/users?name=zed&ops=name:beginsWith", 1L);
        expected.put("/api/v4/users?name=own&ops=name:contains", 3L);
        expected.put("/api/v4/users?name=Zed%20Member&ops=name:ne", 3L);
        expected.put("/api/v4/users?email=" + email.toUpperCase(), 1L);
        expected.put("/api/v4/users?emails.email=" + email, 1L);
        expected.put("/api/v4/users?q=ZED", 1L);
        expected.put("/api/v4/users?q=" + email, 1L);
        // q and role filters read the membership's roles, never the home account's
        expected.put("/api/v4/users?q=billing", 0L);
        expected.put("/api/v4/users?role=billing", 0L);
        expected.put("/api/v4/users?role=admin", 1L);
        expected.put("/api/v4/account_users?roles.admin=true", 1L);
        expected.put("/api/v4/account_users?roles.billing=true", 0L);
        expected.put("/api/v4/account_users?team_ids=member-team", 1L);
        expected.put("/api/v4/account_users?team_ids=" + HOME_TEAM, 0L);
        expected.put("/api/v4/users?meta.desk=7", 1L);
        expected.put("/api/v4/users?meta.home-secret=" + HOME_SECRET, 0L);
        expected.put("/api/v4/account_users?prefix_id=" + i.acu(), 1L);
        expected.put("/api/v4/account_users?id=" + i.acu(), 1L);
        expected.put("/api/v4/account_users?prefix_id=" + i.acu() + "&ops=prefix_id:ne", 3L);
        expected.put("/api/v4/account_users?user.prefix_id=" + i.userId(), 1L);
        expected.put("/api/v4/users?prefix_id=" + i.userId(), 1L);
        expected.put("/api/v4/users?account_id=" + i.member().id(), 4L);
        expected.put("/api/v4/users?account_id=" + i.home().id(), 0L);
        expected.put("/api/v4/users?created_at=" + day + ".." + day + "%2023:59:59.999999&ops=created_at:between",
                4L);
        expected.put("/api/v4/users?created_at=2000-01-01..2000-01-02&ops=created_at:between", 0L);
        expected.put("/api/v4/account_users?user.name=Zed%20Member&roles.admin=true&q=zed", 1L);
        for (Map.Entry<String, Long> check : expected.entrySet()) {
            JsonNode page = member.get(check.getKey()).json();
            assertThat(page.path("total_count").asLong()).as(check.getKey()).isEqualTo(check.getValue());
            assertThat(page.path("data").size()).as(check.getKey()).isEqualTo(check.getValue().intValue());
        }

        // pages cut from both kinds of rows, in one order, by offset and by page
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 2; page++) {
            JsonNode json = member.get("/api/v4/account_users?sort=user.name&limit=2&page=" + page).json();
            assertThat(json.path("total_count").asLong()).isEqualTo(4);
            assertThat(json.path("has_more").asBoolean()).isEqualTo(page == 1);
            paged.addAll(names(json, "user"));
        }
        assertThat(paged).containsExactly("Alma Own", "Bo Own", "Mia Own", "Zed Member");
        JsonNode last = member.get("/api/v4/users?sort=name&limit=1&offset=3").json();
        assertThat(names(last, null)).containsExactly("Zed Member");
        assertThat(last.path("has_more").asBoolean()).isFalse();
        // tiny ids are the account's own, unique across both kinds
        List<Long> tinyIds = new ArrayList<>();
        member.get("/api/v4/users?sort=tiny_id&limit=10").json().path("data")
                .forEach(user -> tinyIds.add(user.path("tiny_id").asLong()));
        assertThat(tinyIds).hasSize(4).doesNotHaveDuplicates().isSorted();
        long zedTiny = member.get("/api/v4/account_users/" + i.acu()).json().path("tiny_id").asLong();
        assertThat(total(member, "/api/v4/users?tiny_id=" + zedTiny)).isEqualTo(1);
    }

    @Test
    void theHomeAccountsProfileChangesReachTheMemberAccountsLists() {
        Listed l = listed();
        Invited i = l.invited();
        String added = uniqueEmail("zed-new");
        assertThat(i.home().http().put("/api/v4/users/" + i.userId(), Map.of("name", "Zora Renamed",
                "email", added)).status()).isEqualTo(200);

        await().atMost(WAIT).until(() -> total(l.member(), "/api/v4/users?name=Zora%20Renamed") == 1);
        assertThat(total(l.member(), "/api/v4/users?q=zora")).isEqualTo(1);
        assertThat(total(l.member(), "/api/v4/users?email=" + added)).isEqualTo(1);
        assertThat(total(l.member(), "/api/v4/users?name=Zed%20Member")).isZero();
        assertThat(names(l.member().get("/api/v4/account_users?sort=name&direction=desc&limit=1").json(), "user"))
                .containsExactly("Zora Renamed");
    }

    @Test
    void anEndedMembershipAndARemovedPersonLeaveTheLists() {
        Listed l = listed();
        assertThat(l.member().delete("/api/v4/account_users/" + l.invited().acu()).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> total(l.member(), "/api/v4/account_users") == 3);
        assertThat(total(l.member(), "/api/v4/users")).isEqualTo(3);
        assertThat(total(l.member(), "/api/v4/users?q=zed")).isZero();
        assertThat(total(l.invited().home().http(), "/api/v4/users")).isEqualTo(1);

        Listed other = listed();
        assertThat(other.invited().home().http().delete("/api/v4/account_users/" + other.invited().userId())
                .status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> total(other.member(), "/api/v4/users") == 3);
        assertThat(total(other.member(), "/api/v4/account_users?prefix_id=" + other.invited().acu())).isZero();
    }

    @Test
    void theMembershipsAttributesChangeByPutAndNullClearsTheRule() {
        Invited i = fixture.invited(uniqueEmail("attrs"), "Ari Attributes");
        Http member = i.member().http();
        var changed = member.put("/api/v4/account_users/" + i.acu(), Map.of("notification_rule_id", "nr_2",
                "meta", Map.of("shift", "night", "n", 3)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("notification_rule_id").asString()).isEqualTo("nr_2");
        assertThat(changed.json().path("meta").toString()).isEqualTo("{\"n\":\"3\",\"shift\":\"night\"}");
        assertThat(changed.json().path("user").path("meta").toString()).doesNotContain(HOME_SECRET);

        // roles alone leave the attributes; a JSON null clears the rule, an empty object the meta
        assertThat(member.put("/api/v4/account_users/" + i.acu(), Map.of("roles", Map.of("admin", true)))
                .json().path("notification_rule_id").asString()).isEqualTo("nr_2");
        Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("notification_rule_id", null);
        clear.put("meta", Map.of());
        var cleared = member.put("/api/v4/account_users/" + i.acu(), clear);
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().path("notification_rule_id").isNull()).isTrue();
        assertThat(cleared.json().path("meta").isEmpty()).isTrue();
        assertThat(cleared.json().path("roles").path("admin").asBoolean()).isTrue();
        // the home account's meta is untouched
        assertThat(i.home().http().get("/api/v4/users/" + i.userId()).json().path("meta").path("home-secret")
                .asString()).isEqualTo(HOME_SECRET);
    }

    @Test
    void hostileAttributesAreA422InPagerTreesFormatAndChangeNothing() {
        Invited i = fixture.invited(uniqueEmail("hostile-attrs"), "Hana Hostile");
        Http member = i.member().http();
        assertThat(member.put("/api/v4/account_users/" + i.acu(), Map.of("notification_rule_id", "nr_kept",
                "meta", Map.of("kept", "yes"))).status()).isEqualTo(200);
        Map<String, Object> manyKeys = new java.util.HashMap<>();
        IntStream.range(0, 51).forEach(n -> manyKeys.put("k" + n, "v"));
        List<Map<String, Object>> hostile = List.of(
                Map.of("meta", Map.of("a", "nul\u0000value")),
                Map.of("meta", Map.of("bad\u0000key", "v")),
                Map.of("meta", Map.of("nested", Map.of("deeper", "x"))),
                Map.of("meta", Map.of("list", List.of("x"))),
                Map.of("meta", "not-an-object"),
                Map.of("meta", List.of("x")),
                Map.of("meta", manyKeys),
                Map.of("meta", Map.of("k".repeat(101), "v")),
                Map.of("meta", Map.of("long", "v".repeat(1001))),
                Map.of("notification_rule_id", Map.of("id", "x")),
                Map.of("notification_rule_id", List.of("x")),
                Map.of("notification_rule_id", "   "),
                Map.of("notification_rule_id", "nr\u0000x"),
                Map.of("notification_rule_id", "line\nbreak"),
                Map.of("notification_rule_id", "r".repeat(101)),
                Map.of("notification_rule_id", "r".repeat(100_000)));
        for (Map<String, Object> body : hostile) {
            String what = body.toString().substring(0, Math.min(80, body.toString().length()));
            Http.Response update = member.put("/api/v4/account_users/" + i.acu(), body);
            assertThat(update.status()).as(what + " " + update).isEqualTo(422);
            assertThat(ErrorFormats.v4Problem(update)).as(what).isNull();
        }
        assertThat(member.send("PUT", "/api/v4/account_users/" + i.acu(), "{\"meta\": {\"a\": ", "application/json")
                .status()).isEqualTo(400);
        // another account's key cannot set them, by either id
        Http stranger = fixture.account().http();
        assertThat(stranger.put("/api/v4/account_users/" + i.acu(), Map.of("meta", Map.of("x", "y"))).status())
                .isEqualTo(404);
        assertThat(i.home().http().put("/api/v4/account_users/" + i.acu(), Map.of("meta", Map.of("x", "y")))
                .status()).isEqualTo(404);
        JsonNode unchanged = awaitAccountUser(member, i.acu(), "pending");
        assertThat(unchanged.path("notification_rule_id").asString()).isEqualTo("nr_kept");
        assertThat(unchanged.path("meta").toString()).isEqualTo("{\"kept\":\"yes\"}");

        // a hostile invitation is refused whole: no membership is made, and a clean one still can be
        Account home = fixture.account();
        Account inviter = fixture.account();
        String email = uniqueEmail("hostile-invite");
        String userId = fixture.person(home, "Ivo Invited", email);
        for (Map<String, Object> body : hostile) {
            Http.Response invitation = inviter.http().post("/api/v4/account_users",
                    MembershipFixture.accountUser("Ivo", email, body));
            assertThat(invitation.status()).as(body.keySet() + " " + invitation).isEqualTo(422);
            assertThat(ErrorFormats.v4Problem(invitation)).isNull();
        }
        assertThat(inviter.http().get("/api/v4/memberships").json().path("total_count").asLong()).isZero();
        Invited clean = fixture.invite(home, inviter, email, userId, Map.of("notification_rule_id", "nr_ok",
                "meta", Map.of("ok", "1")));
        JsonNode pending = awaitAccountUser(inviter.http(), clean.acu(), "pending");
        assertThat(pending.path("notification_rule_id").asString()).isEqualTo("nr_ok");
        assertThat(pending.path("meta").toString()).isEqualTo("{\"ok\":\"1\"}");
    }

    private static long total(Http http, String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json().path("total_count").asLong();
    }

    /** The names in a page's data, of the nested user when {@code nested} names it. */
    private static List<String> names(JsonNode page, String nested) {
        List<String> names = new ArrayList<>();
        page.path("data").forEach(row -> names.add((nested == null ? row : row.path(nested)).path("name").asString()));
        return names;
    }
}
