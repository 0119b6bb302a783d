package dev.users.app.erasure;

import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import dev.users.web.Caller.Scope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refused erasure, and the bad input of the keys and accounts it relies on, answers a clear 4xx in the v4
 * error format and changes nothing: the event count, the data keys and the person stay as they were.
 */
class ErasureRefusalsTest extends ErasureFixture {

    private record Counts(long events, long keys, long apiKeys, long accounts) {
    }

    private Counts counts() {
        return new Counts(count("domainevententry"), count("user_keys where wrapped_key is not null"),
                count("api_keys"), count("accounts"));
    }

    private Http key(UUID account, Scope scope) {
        return new Http(port, apiKeys.issue(account, scope.json(), null, scope, null, false).secret());
    }

    private static void refused(Http.Response response, int status, String what) {
        assertThat(response.status()).as(what + " → " + response).isEqualTo(status);
        assertThat(ErrorFormats.v4Problem(response)).as(what + " → " + response).isNull();
    }

    @Test
    void refusedErasuresChangeNothing() {
        Person person = person();
        Http write = key(person.homeId(), Scope.WRITE);
        Http read = key(person.homeId(), Scope.READ);
        Account stranger = account();
        String erasure = "/api/v4/users/" + person.prefixId() + "/erasure";
        Counts before = counts();

        refused(write.post(erasure, ""), 403, "a write key");
        refused(read.post(erasure, ""), 403, "a read key");
        refused(stranger.http().post(erasure, ""), 404, "another account's admin");
        refused(person.member().post(erasure, ""), 403, "the admin of an account the person is a member of");
        refused(person.home().post("/api/v4/users/" + UUID.randomUUID() + "/erasure", ""), 404, "an unknown user");
        refused(person.home().post("/api/v4/users/usr_nope/erasure", ""), 404, "no id at all");
        refused(person.home().post("/api/v4/users/" + "9".repeat(5000) + "/erasure", ""), 404, "a huge id");
        refused(person.home().post("/api/v4/users/a%07b/erasure", ""), 422, "a control character");
        refused(person.home().send("GET", erasure, null, null), 405, "GET");
        refused(new Http(port, "usk_not_a_key").post(erasure, ""), 401, "no valid key");

        assertThat(counts()).isEqualTo(before);
        assertThat(person.home().get("/api/v4/users/" + person.id()).json().path("name").asString())
                .isEqualTo(person.values().name());
    }

    @Test
    void theAccountOwnerIsNotErased() {
        Person person = person();
        Http.Response owner = person.home().post("/api/v4/account_users/acu_"
                + person.id().toString().replace("-", "") + "/transfer_ownership", Map.of());
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        Counts before = counts();
        refused(person.home().post("/api/v4/users/" + person.prefixId() + "/erasure", ""), 409, "the owner");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void badKeysAndOperatorCallsChangeNothing() {
        Account account = account();
        Counts before = counts();
        refused(account.http().post("/api/v4/api_keys", Map.of("scope", "superuser")), 422, "an unknown scope");
        refused(account.http().post("/api/v4/api_keys", Map.of("scope", "read",
                "expires_at", Instant.now().minusSeconds(60).toString())), 422, "an expiry in the past");
        refused(account.http().post("/api/v4/accounts", Map.of("name", "Sneaky")), 403, "an operator call");
        refused(account.http().get("/api/v4/accounts"), 403, "an operator read");
        assertThat(counts()).isEqualTo(before);
    }
}
