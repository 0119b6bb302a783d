package dev.users.app.openapi;

import dev.users.app.auth.Accounts;
import dev.users.app.auth.ApiKeys;
import dev.users.app.deadletters.InjectedFaults;
import dev.users.app.support.Http;
import dev.users.command.web.InvitationTokens;
import dev.users.web.Caller;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * What the examples of {@link OpenApiExamplesTest} act on, made anew for each path parameter that names it: a user
 * of a fresh account (so an operation that deletes, invites or parks one disturbs no other), an invitation of that
 * user by another account, and so on. A path parameter without a fixture takes its described example. A new kind
 * of path parameter needs a case here.
 */
final class ExampleFixture {

    private final int port;
    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final InvitationTokens tokens;
    private final InjectedFaults faults;
    private final UUID accountId;
    private final String adminKey;
    private final Http admin;
    private UUID user;
    private Invited invited;

    ExampleFixture(int port, Accounts accounts, ApiKeys apiKeys, InvitationTokens tokens, InjectedFaults faults) {
        this.port = port;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.faults = faults;
        this.accountId = accounts.create("openapi-examples-" + UUID.randomUUID(), "US");
        this.adminKey = apiKeys.issue(accountId, "openapi examples", null, true);
        this.admin = new Http(port, adminKey);
    }

    /** The admin key of the fixture's account, which every example but the operator's and the anonymous one uses. */
    String adminKey() {
        return adminKey;
    }

    /** The value of path parameter {@code name} for the next operation; each operation gets a user of its own. */
    String pathValue(String name, JsonNode parameter, ApiDocument document) {
        return switch (name) {
            case "user_id", "account_user_id" -> user().toString();
            case "invitation_id" -> invited().prefixId();
            case "token" -> tokens.issue(new InvitationTokens.Invitation(invited().membershipId(), user(),
                    invited().memberAccount()));
            case "parked_user_id" -> parkedUser().toString();
            case "account_id" -> accounts.create("openapi-examples-" + UUID.randomUUID(), "DE").toString();
            case "api_key_id" -> apiKeys.issue(accountId, "openapi example", null, Caller.Scope.READ, null, false)
                    .id().toString();
            case "certificate_id" -> registered(parameter.path("example").asString(), document);
            default -> {
                if (!parameter.path("example").isString()) {
                    throw new AssertionError("path parameter " + name + " has neither an example nor a fixture "
                            + "(ExampleFixture.pathValue)");
                }
                yield parameter.path("example").asString();
            }
        };
    }

    /** Forgets the user and invitation of the last operation (called before each operation's path is made). */
    void next() {
        user = null;
        invited = null;
    }

    private UUID user() {
        if (user == null) {
            Http.Response created = admin.post("/api/v4/users", Map.of("name", "Example Person",
                    "email", "example-" + UUID.randomUUID() + "@example.com"));
            assertStatus(created, 201);
            user = UUID.fromString(created.json().path("id").asString());
        }
        return user;
    }

    private record Invited(String prefixId, UUID membershipId, UUID memberAccount) {
    }

    /** The fixture's user, invited by another account. */
    private Invited invited() {
        if (invited == null) {
            String email = admin.get("/api/v4/users/" + user()).json().path("emails").get(0).path("email").asString();
            UUID member = accounts.create("openapi-inviter-" + UUID.randomUUID(), "US");
            Http.Response invitation = new Http(port, apiKeys.issue(member, "inviter", null, true))
                    .post("/api/v4/account_users", Map.of("user_attributes", Map.of("name", "Invited", "email", email)));
            assertStatus(invitation, 202);
            String prefixId = invitation.json().path("prefix_id").asString();
            invited = new Invited(prefixId, UUID.fromString(invitation.json().path("id").asString()), member);
        }
        return invited;
    }

    /** A user whose events are parked: a handler fails for it while it is changed, then the cause is gone. */
    private UUID parkedUser() {
        UUID parked = user();
        faults.fail(parked);
        try {
            assertStatus(admin.put("/api/v4/users/" + parked, Map.of("name", "Parked Person")), 202);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v4/dead_letters").json()
                    .path("data").valueStream().anyMatch(l -> l.path("user_id").asString().equals(parked.toString())));
        } finally {
            faults.heal(parked);
        }
        return parked;
    }

    /** The described example certificate, registered to the fixture's key if it is not yet. */
    private String registered(String fingerprint, ApiDocument document) {
        String path = "/api/v4/api_key_certificates/" + fingerprint;
        if (admin.get(path).status() == 404) {
            String pem = document.json().at("/paths/" + ApiDocument.token("/api/v4/api_key_certificates")
                    + "/post/requestBody/content/application~1json/example/certificate").asString();
            assertStatus(admin.post("/api/v4/api_key_certificates", Map.of("certificate", pem)), 201);
        }
        return fingerprint;
    }

    private static void assertStatus(Http.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("fixture: expected " + status + ", got " + response);
        }
    }
}
