package dev.users.app.query;

import dev.users.events.EmailAdded;
import dev.users.events.MetaChanged;
import dev.users.events.PhoneAdded;
import dev.users.events.RolesAssigned;
import dev.users.events.UserSignedIn;
import dev.users.web.PrefixIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v4/users/:id}: the v4 user object by either id form, and 404 for anything not the caller's. */
class V4UserRetrieveTest extends QueryTest {

    @Test
    void showsTheWholeV4UserObjectByUuidOrPrefixId() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        UUID emailId = UUID.randomUUID();
        UUID phoneId = UUID.randomUUID();
        UserHistory user = history(userId);
        user.appendAt(BASE, created(userId, account.id(), 42, "Hank Hill", BASE));
        user.appendAt(BASE, new EmailAdded(userId, emailId, "hank@example.com", true));
        user.appendAt(BASE, new PhoneAdded(userId, phoneId, "+14155550102", "US", true, "voice"));
        user.appendAt(BASE, new RolesAssigned(userId, List.of("admin")));
        user.appendAt(BASE, new MetaChanged(userId, Map.of("source", "test")));
        Instant changed = Instant.parse("2024-01-02T03:04:05.678Z");
        user.appendAt(changed, new UserSignedIn(userId, null, Instant.parse("2024-01-02T03:04:00Z")));
        awaitVersion(userId, user.version());

        JsonNode json = account.http().get("/api/v4/users/" + userId).json();
        assertThat(json.propertyNames()).containsExactly("id", "prefix_id", "tiny_id", "account_id", "name",
                "time_zone", "preferred_language", "last_sign_in_at", "emails", "phones", "notify_push",
                "notify_email", "notify_sms", "notify_voice", "roles", "meta", "created_at", "updated_at");
        assertThat(json.path("id").asString()).isEqualTo(userId.toString());
        assertThat(json.path("prefix_id").asString()).isEqualTo(PrefixIds.of(PrefixIds.USER, userId));
        assertThat(json.path("tiny_id").isNumber()).isTrue();
        assertThat(json.path("tiny_id").asLong()).isEqualTo(42);
        assertThat(json.path("account_id").asString()).isEqualTo(account.id().toString());
        assertThat(json.path("time_zone").asString()).isEqualTo("London");
        assertThat(json.path("preferred_language").asString()).isEqualTo("en");
        assertThat(json.path("last_sign_in_at").asString()).isEqualTo("2024-01-02T03:04:00.000Z");
        assertThat(json.path("emails").get(0).propertyNames()).containsExactly("id", "email", "primary");
        assertThat(json.path("phones").get(0).propertyNames())
                .containsExactly("id", "prefix_id", "phone", "primary", "country", "blocked");
        assertThat(json.path("phones").get(0).path("prefix_id").asString())
                .isEqualTo(PrefixIds.of(PrefixIds.PHONE, phoneId));
        assertThat(json.path("notify_voice").asBoolean()).isTrue();
        assertThat(json.path("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(json.path("meta").toString()).isEqualTo("{\"source\":\"test\"}");
        assertThat(json.path("created_at").asString()).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(json.path("updated_at").asString()).isEqualTo("2024-01-02T03:04:05.678Z");

        JsonNode byPrefix = account.http().get("/api/v4/users/" + PrefixIds.of(PrefixIds.USER, userId)).json();
        assertThat(byPrefix).isEqualTo(json);
    }

    @Test
    void aNewUserShowsNullsAndEmptyCollections() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Bare", BASE));
        awaitVersion(userId, 0);

        JsonNode json = account.http().get("/api/v4/users/" + userId).json();
        assertThat(json.path("last_sign_in_at").isNull()).isTrue();
        assertThat(json.path("emails").isArray()).isTrue();
        assertThat(json.path("emails")).isEmpty();
        assertThat(json.path("phones")).isEmpty();
        assertThat(json.path("roles")).isEmpty();
        assertThat(json.path("meta").isObject()).isTrue();
    }

    @Test
    void unknownGarbageAndOtherAccountsIdsAre404() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Private", BASE));
        awaitVersion(userId, 0);

        for (String id : List.of(UUID.randomUUID().toString(), "nope", "usr_nope", "usr_" + "0".repeat(31) + "g")) {
            var response = account.http().get("/api/v4/users/" + id);
            assertThat(response.status()).as(id).isEqualTo(404);
            assertThat(response.json().path("code").asInt()).isEqualTo(404);
            assertThat(response.json().path("errors").get(0).path("message").asString()).contains("not found");
        }
        assertThat(otherAccount().get("/api/v4/users/" + userId).status()).isEqualTo(404);
        assertThat(otherAccount().get("/api/v4/users/" + PrefixIds.of(PrefixIds.USER, userId)).status())
                .isEqualTo(404);
        assertThat(account.http().get("/api/v4/users/" + userId).status()).isEqualTo(200);
    }

    @Test
    void anotherAccountsUsersAreNotListed() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Listed", BASE));
        awaitVersion(userId, 0);

        JsonNode theirs = otherAccount().get("/api/v4/users").json();
        assertThat(theirs.path("data")).isEmpty();
        assertThat(theirs.path("total_count").asLong()).isZero();
        assertThat(theirs.path("has_more").asBoolean()).isFalse();
        assertThat(account.http().get("/api/v4/users").json().path("total_count").asLong()).isEqualTo(1);
    }
}
