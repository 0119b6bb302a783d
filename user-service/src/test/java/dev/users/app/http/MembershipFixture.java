package dev.users.app.http;

import dev.users.app.auth.Accounts;
import dev.users.app.auth.ApiKeys;
import dev.users.app.support.Http;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accounts, persons and invitations for the membership tests, over real HTTP: a person is created in a home account
 * with roles, teams and meta that belong to that account only, so that a test can look for them where they must not
 * be.
 */
final class MembershipFixture {

    static final Duration WAIT = Duration.ofSeconds(20);

    /** What the home account gives its person, which no other account may ever see. */
    static final String HOME_SECRET = "s3cret";
    static final String HOME_TEAM = "home-team";

    record Account(UUID id, Http http) {
    }

    /** A person of a new home account, invited (pending) by a new member account. */
    record Invited(Account home, Account member, String email, String userId, String acu) {
    }

    private final int port;
    private final Accounts accounts;
    private final ApiKeys apiKeys;

    MembershipFixture(int port, Accounts accounts, ApiKeys apiKeys) {
        this.port = port;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
    }

    Account account() {
        UUID id = accounts.create("members-" + UUID.randomUUID(), "US");
        return new Account(id, new Http(port, apiKeys.issue(id, "test", null, true)));
    }

    static Map<String, Object> accountUser(String name, String email, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("user_attributes",
                Map.of("name", name, "emails_attributes", List.of(Map.of("email", email)))));
        body.putAll(extra);
        return body;
    }

    /** A person created in {@code home} with meta, roles and teams that belong to the home account only. */
    String person(Account home, String name, String email) {
        var created = home.http().post("/api/v4/account_users", accountUser(name, email,
                Map.of("roles", Map.of("billing", true), "team_ids", List.of(HOME_TEAM))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.json().path("user").path("prefix_id").asString();
        assertThat(home.http().put("/api/v4/users/" + userId, Map.of("meta", Map.of("home-secret", HOME_SECRET)))
                .status()).isEqualTo(200);
        return userId;
    }

    /** {@code member} invites the person of {@code email} with {@code extra} (roles, teams, attributes). */
    Invited invite(Account home, Account member, String email, String userId, Map<String, Object> extra) {
        var invitation = member.http().post("/api/v4/account_users", accountUser("Invited", email, extra));
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(202);
        return new Invited(home, member, email, userId, invitation.json().path("prefix_id").asString());
    }

    /** A new person of a new home account with the unused address {@code email}, invited by a new account. */
    Invited invited(String email, String personName) {
        Account home = account();
        return invite(home, account(), email, person(home, personName, email), Map.of());
    }

    /** The home account accepts the invitation for the person, and the member account sees it accepted. */
    JsonNode accept(Invited invited) {
        var accepted = invited.home().http().post("/api/v4/users/" + invited.userId() + "/invitations/"
                + invited.acu() + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return awaitAccountUser(invited.member().http(), invited.acu(), "accepted");
    }

    static JsonNode awaitAccountUser(Http http, String acu, String state) {
        return await().atMost(WAIT).until(() -> http.get("/api/v4/account_users/" + acu),
                r -> r.status() == 200 && state.equals(r.json().path("state").asString())).json();
    }
}
