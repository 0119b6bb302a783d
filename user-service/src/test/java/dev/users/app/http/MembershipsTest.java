package dev.users.app.http;

import dev.users.app.mail.InvitationMailer;
import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import dev.users.command.web.InvitationTokens;
import dev.users.app.http.MembershipFixture.Account;
import dev.users.app.http.MembershipFixture.Invited;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.users.app.http.MembershipFixture.WAIT;
import static dev.users.app.http.MembershipFixture.accountUser;
import static dev.users.app.http.MembershipFixture.awaitAccountUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One person, many accounts: a second account's create with the person's address invites them; the person answers
 * through their home account or the e-mail's signed link; the member account sees the person's profile with its own
 * roles and teams, never the home account's; a third account sees nothing; deleting the account user ends only the
 * membership; membership events are indexed under the membership's account.
 */
class MembershipsTest extends ApiTest {

    @Autowired
    InvitationTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private MembershipFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new MembershipFixture(port, accounts, apiKeys);
    }

    private Account account() {
        return fixture.account();
    }

    private String person(Account home, String name, String email) {
        return fixture.person(home, name, email);
    }

    private Invited invited(String emailName, String personName) {
        return fixture.invited(uniqueEmail(emailName), personName);
    }

    @Test
    void aSecondAccountInvitesTheExistingPersonInsteadOfA409() {
        Account home = account();
        Account member = account();
        String email = uniqueEmail("person");
        String userId = person(home, "Pat Person", email);

        var invited = member.http().post("/api/v4/account_users", accountUser("Other Name", email.toUpperCase(),
                Map.of("roles", Map.of("admin", true), "team_ids", List.of("member-team"))));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(202);
        assertThat(invited.json().path("state").asString()).isEqualTo("pending");
        assertThat(invited.json().path("user_id").asString()).isEqualTo(userId);
        String acu = invited.json().path("prefix_id").asString();
        assertThat(acu).startsWith("acu_").isNotEqualTo("acu_" + userId.substring(4));

        JsonNode pending = awaitAccountUser(member.http(), acu, "pending");
        assertThat(pending.path("account_id").asString()).isEqualTo(member.id().toString());
        assertThat(pending.path("roles").path("admin").asBoolean()).isTrue();
        assertThat(pending.path("roles").path("billing").asBoolean()).isFalse();
        assertThat(pending.path("team_ids").toString()).isEqualTo("[\"member-team\"]");
        // the profile is the person's (the create's other name is not applied); the home account's meta is not shown
        assertThat(pending.path("user").path("name").asString()).isEqualTo("Pat Person");
        assertThat(pending.path("user").path("prefix_id").asString()).isEqualTo(userId);
        assertThat(pending.toString()).doesNotContain("s3cret").doesNotContain("home-team");

        // once per person and account; the home account itself still gets the 409 of a taken address
        assertThat(member.http().post("/api/v4/users", Map.of("name", "Again", "email", email)).status())
                .isEqualTo(409);
        assertThat(home.http().post("/api/v4/users", Map.of("name", "Again", "email", email)).status())
                .isEqualTo(409);
    }

    @Test
    void tenConcurrentInvitationsOfOnePersonGiveOneMembership() throws Exception {
        Account home = account();
        Account member = account();
        String email = uniqueEmail("raced");
        person(home, "Ray Raced", email);
        List<Integer> statuses = V4CreateUserTest.concurrently(10, n -> member.http().post("/api/v4/account_users",
                accountUser("Racer " + n, email, Map.of())).status());

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        await().atMost(WAIT).until(() -> member.http().get("/api/v4/memberships").json().path("total_count")
                .asLong() == 1);
    }

    @Test
    void theHomeAccountAnswersForThePersonAndProfileChangesReachTheMember() {
        Account home = account();
        Account member = account();
        String email = uniqueEmail("accepting");
        String userId = person(home, "Ada Accepting", email);
        String acu = member.http().post("/api/v4/users", Map.of("name", "Ada", "email", email)).json()
                .path("prefix_id").asString();

        JsonNode invitations = await().atMost(WAIT).until(
                () -> home.http().get("/api/v4/users/" + userId + "/invitations").json(),
                j -> j.path("total_count").asLong() == 1);
        assertThat(invitations.path("data").get(0).path("account_id").asString()).isEqualTo(member.id().toString());
        // the member account cannot answer for the person, nor look at their invitations
        assertThat(member.http().post("/api/v4/users/" + userId + "/invitations/" + acu + "/accept", Map.of())
                .status()).isEqualTo(404);
        assertThat(member.http().get("/api/v4/users/" + userId + "/invitations").status()).isEqualTo(404);

        var accepted = home.http().post("/api/v4/users/" + userId + "/invitations/" + acu + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("state").asString()).isEqualTo("accepted");
        assertThat(home.http().post("/api/v4/users/" + userId + "/invitations/" + acu + "/accept", Map.of())
                .status()).isEqualTo(409);
        awaitAccountUser(member.http(), acu, "accepted");

        // only the home account changes the profile; the member sees the change
        assertThat(member.http().put("/api/v4/users/" + userId, Map.of("name", "Hijacked")).status()).isEqualTo(404);
        assertThat(member.http().get("/api/v4/users/" + userId).status()).isEqualTo(404);
        assertThat(home.http().put("/api/v4/users/" + userId, Map.of("name", "Ada Renamed")).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> member.http().get("/api/v4/account_users/" + acu).json()
                .path("user").path("name").asString(), "Ada Renamed"::equals);

        JsonNode memberships = member.http().get("/api/v4/memberships").json();
        assertThat(memberships.path("total_count").asLong()).isEqualTo(1);
        assertThat(memberships.path("data").get(0).path("prefix_id").asString()).isEqualTo(acu);
    }

    @Test
    void theMemberAccountChangesOnlyItsMembershipsRolesAndTeams() {
        Invited i = invited("changing", "Cho Changing");

        Http member = i.member().http();
        var changed = member.put("/api/v4/account_users/" + i.acu(), Map.of("roles", Map.of("communicator", true),
                "member_team_ids", List.of("t-9")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("roles").path("communicator").asBoolean()).isTrue();
        assertThat(changed.json().path("team_ids").toString()).isEqualTo("[\"t-9\"]");
        assertThat(changed.json().path("state").asString()).isEqualTo("pending");

        var profile = i.member().http().put("/api/v4/account_users/" + i.acu(), Map.of("user_attributes",
                Map.of("name", "Not Yours")));
        assertThat(profile.status()).as(profile.toString()).isEqualTo(422);
        assertThat(profile.text()).contains("user_attributes");
        assertThat(member.put("/api/v4/account_users/" + i.acu(), Map.of("roles", Map.of("nope", true))).status())
                .isEqualTo(422);
        assertThat(i.member().http().put("/api/v4/account_users/" + i.acu(), Map.of("team_ids", List.of("a"),
                "member_team_ids", List.of("b"))).status()).isEqualTo(422);
        // the home account's own user keeps its roles and teams
        JsonNode own = i.home().http().get("/api/v4/account_users/" + i.userId()).json();
        assertThat(own.path("roles").path("billing").asBoolean()).isTrue();
        assertThat(own.path("roles").path("communicator").asBoolean()).isFalse();
        assertThat(own.path("team_ids").toString()).isEqualTo("[\"home-team\"]");
        // a third account cannot change it
        assertThat(account().http().put("/api/v4/account_users/" + i.acu(), Map.of("roles", Map.of("admin", true)))
                .status()).isEqualTo(404);
    }

    @Test
    void deletingTheAccountUserEndsOnlyTheMembership() {
        Invited i = invited("ending", "Eve Ending");
        awaitAccountUser(i.member().http(), i.acu(), "pending");

        assertThat(i.member().http().delete("/api/v4/account_users/" + i.acu()).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> i.member().http().get("/api/v4/account_users/" + i.acu()).status() == 404);
        assertThat(i.home().http().get("/api/v4/users/" + i.userId()).status()).isEqualTo(200);
        assertThat(i.member().http().delete("/api/v4/account_users/" + i.acu()).status()).isEqualTo(404);
        // ended, the account may invite the person again
        assertThat(i.member().http().post("/api/v4/users", Map.of("name", "Eve", "email", i.email())).status())
                .isEqualTo(202);
    }

    @Test
    void aThirdAccountSeesNothingOfTheMembership() {
        Account home = account();
        Account member = account();
        Account stranger = account();
        String email = uniqueEmail("private");
        String userId = person(home, "Quentin Private", email);
        String acu = member.http().post("/api/v4/account_users", accountUser("Q", email, Map.of())).json()
                .path("prefix_id").asString();
        awaitAccountUser(member.http(), acu, "pending");

        Http http = stranger.http();
        assertThat(http.get("/api/v4/account_users/" + acu).status()).isEqualTo(404);
        assertThat(http.get("/api/v4/users/" + userId).status()).isEqualTo(404);
        assertThat(http.delete("/api/v4/account_users/" + acu).status()).isEqualTo(404);
        assertThat(http.get("/api/v4/memberships").json().path("total_count").asLong()).isZero();
        assertThat(http.get("/api/v4/account_users?q=Quentin").json().path("total_count").asLong()).isZero();
        assertThat(http.get("/api/v4/users?emails.email=" + email).json().path("total_count").asLong()).isZero();
        assertThat(http.get("/api/v4/account_users").json().path("total_count").asLong()).isZero();
        assertThat(http.post("/api/v4/users/" + userId + "/invitations/" + acu + "/decline", Map.of()).status())
                .isEqualTo(404);
        // a pending invitation is not one of the member account's account users yet: not in its lists or counts
        assertThat(member.http().get("/api/v4/users?emails.email=" + email).json().path("total_count").asLong())
                .isZero();
        assertThat(member.http().get("/api/v4/account_users").json().path("total_count").asLong()).isZero();
    }

    @Test
    void theSignedLinkAnswersItsOwnInvitationOnly() {
        Invited i = invited("linked", "Lin Linked");
        UUID membershipId = dashed(i.acu().substring(4));
        UUID person = dashed(i.userId().substring(4));
        String token = tokens.issue(new InvitationTokens.Invitation(membershipId, person, i.member().id()));
        Http anonymous = new Http(port, null);

        // a token for another account, a forged signature and garbage are all "not found"
        String otherAccount = tokens.issue(new InvitationTokens.Invitation(membershipId, person, i.home().id()));
        assertThat(anonymous.post("/invitations/" + otherAccount + "/accept", Map.of()).status()).isEqualTo(404);
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        assertThat(anonymous.post("/invitations/" + forged + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(anonymous.post("/invitations/not-a-token/accept", Map.of()).status()).isEqualTo(404);
        assertThat(anonymous.post("/invitations/" + "x".repeat(5000) + "/accept", Map.of()).status())
                .isBetween(400, 499);
        assertThat(anonymous.post("/invitations/" + token + "/maybe", Map.of()).status()).isEqualTo(404);
        var wrongMethod = anonymous.get("/invitations/" + token + "/accept");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().path("errors").isArray()).as(wrongMethod.toString()).isTrue();

        assertThat(anonymous.post("/invitations/" + token + "/decline", Map.of()).status()).isEqualTo(204);
        assertThat(anonymous.post("/invitations/" + token + "/accept", Map.of()).status()).isEqualTo(404);
        await().atMost(WAIT).until(() -> i.member().http().get("/api/v4/account_users/" + i.acu()).status() == 404);
    }

    @Test
    void membershipEventsAreIndexedUnderTheMembershipsAccount() {
        Invited i = invited("indexed", "Ian Indexed");
        assertThat(i.home().http().post("/api/v4/users/" + i.userId() + "/invitations/" + i.acu() + "/accept", Map.of())
                .status()).isEqualTo(200);
        assertThat(i.home().http().put("/api/v4/users/" + i.userId(), Map.of("name", "Ian Renamed")).status())
                .isEqualTo(200);
        assertThat(i.member().http().put("/api/v4/account_users/" + i.acu(), Map.of("roles",
                Map.of("communicator", true))).status()).isEqualTo(200);
        assertThat(i.member().http().delete("/api/v4/account_users/" + i.acu()).status()).isEqualTo(204);

        UUID person = dashed(i.userId().substring(4));
        assertThat(events(i.member().id(), person))
                .containsExactly("MembershipInvited", "MembershipAccepted", "MembershipChanged", "MembershipEnded");
        assertThat(events(i.home().id(), person)).contains("UserCreated", "UserRenamed")
                .noneMatch(name -> name.startsWith("Membership"));
    }

    @Test
    void withoutAnSmtpServerThereIsNoMailerAndTheInvitationIsInTheEventStream() {
        assertThat(context.getBeanProvider(InvitationMailer.class).getIfAvailable()).isNull();
        Account home = account();
        Account member = account();
        String email = uniqueEmail("unmailed");
        String userId = person(home, "Una Unmailed", email);
        assertThat(member.http().post("/api/v4/users", Map.of("name", "Una", "email", email)).status())
                .isEqualTo(202);
        assertThat(events(member.id(), dashed(userId.substring(4)))).containsExactly("MembershipInvited");
    }

    @Test
    void hostileInputToTheNewPathsAndFieldsIsA4xxAndChangesNothing() {
        Invited i = invited("hostile", "Hal Hostile");
        Http anonymous = new Http(port, null);

        for (String id : List.of("acu_%00", "acu_%E2%80%AE", "%C3%28", "acu_" + "f".repeat(4000), "usr_1")) {
            assertThat(i.home().http().post("/api/v4/users/" + i.userId() + "/invitations/" + id + "/accept", Map.of())
                    .status()).as(id).isBetween(400, 499);
            assertThat(anonymous.post("/invitations/" + id + "/accept", Map.of()).status()).as(id).isBetween(400, 499);
            assertThat(i.home().http().post("/api/v4/account_users/" + id + "/transfer_ownership", Map.of()).status())
                    .as(id).isBetween(400, 499);
        }
        assertThat(i.member().http().put("/api/v4/account_users/" + i.acu(), Map.of("member_team_ids", "not-a-list"))
                .status()).isEqualTo(422);
        assertThat(i.member().http().put("/api/v4/account_users/" + i.acu(), Map.of("roles", List.of(Map.of("x", 1))))
                .status()).isEqualTo(422);
        assertThat(i.member().http().put("/api/v4/account_users/" + i.acu(), Map.of("member_team_ids",
                List.of("bad\u0000team"))).status()).isEqualTo(422);
        assertThat(i.member().http().put("/api/v4/account_users/" + i.acu(), Map.of("team_ids",
                java.util.Collections.nCopies(1000, "t"))).status()).isEqualTo(422);
        // a membership cannot be made the owner, by its account or the home account
        assertThat(i.member().http().post("/api/v4/account_users/" + i.acu() + "/transfer_ownership", Map.of())
                .status()).isEqualTo(404);
        JsonNode unchanged = awaitAccountUser(i.member().http(), i.acu(), "pending");
        assertThat(unchanged.path("team_ids")).isEmpty();
        assertThat(unchanged.path("roles").toString()).doesNotContain("true");
    }

    private List<String> events(UUID account, UUID user) {
        return jdbc.sql("select event_name from event_index where account_id = ? and user_id = ? order by position")
                .params(account, user).query(String.class).list();
    }

    private static UUID dashed(String hex) {
        return UUID.fromString(hex.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5"));
    }
}
