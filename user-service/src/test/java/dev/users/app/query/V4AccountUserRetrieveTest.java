package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.EmailAdded;
import dev.users.events.RolesAssigned;
import dev.users.events.TeamsAssigned;
import dev.users.web.PrefixIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v4/account_users/:id}: the account user PagerTree's CLI reads, with roles as a hash over the
 * account's whole catalog, its team ids and the full v4 user nested, by any of the user's ids.
 */
class V4AccountUserRetrieveTest extends QueryTest {

    @Test
    void showsTheAccountUserWithARolesHashOverTheWholeCatalog() {
        Account account = newAccount();
        // inserted out of order: the catalog orders account roles by creation, then name
        addAccountRole(account.id(), "night-shift", BASE.plus(Duration.ofDays(2)));
        addAccountRole(account.id(), "auditor", BASE.plus(Duration.ofDays(1)));
        addAccountRole(otherAccountId(), "elsewhere", BASE);
        UUID userId = UUID.randomUUID();
        UserHistory user = history(userId);
        user.appendAt(BASE, created(userId, account.id(), 5, "Dale Gribble", BASE));
        user.append(new EmailAdded(userId, UUID.randomUUID(), "dale@example.com", true),
                new RolesAssigned(userId, List.of("billing", "night-shift")),
                new TeamsAssigned(userId, List.of("tm_b", "tm_a")));
        awaitVersion(userId, user.version());

        JsonNode json = ok(account.http(), "/api/v4/account_users/" + userId);
        assertThat(json.propertyNames()).containsExactly("id", "prefix_id", "tiny_id", "account_id", "roles",
                "team_ids", "user", "created_at", "updated_at");
        assertThat(json.path("id").asString()).isEqualTo(userId.toString());
        assertThat(json.path("prefix_id").asString()).isEqualTo("acu_" + userId.toString().replace("-", ""));
        assertThat(json.path("tiny_id").asLong()).isEqualTo(5);
        assertThat(json.path("account_id").asString()).isEqualTo(account.id().toString());
        assertThat(json.path("roles").toString()).isEqualTo("{\"admin\":false,\"billing\":true,"
                + "\"broadcaster\":false,\"communicator\":false,\"auditor\":false,\"night-shift\":true}");
        assertThat(json.path("team_ids").toString()).isEqualTo("[\"tm_b\",\"tm_a\"]");
        assertThat(json.path("created_at").asString()).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(json.path("updated_at").asString()).isEqualTo(json.path("user").path("updated_at").asString());

        // the nested user is exactly what /api/v4/users shows
        assertThat(json.path("user")).isEqualTo(ok(account.http(), "/api/v4/users/" + userId));
        assertThat(json.path("user").path("emails").get(0).path("email").asString()).isEqualTo("dale@example.com");
    }

    @Test
    void aNewUserHasEveryRoleFalseAndNoTeams() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Bare", BASE));
        awaitVersion(userId, 0);

        JsonNode json = ok(account.http(), "/api/v4/account_users/" + userId);
        assertThat(json.path("roles").toString())
                .isEqualTo("{\"admin\":false,\"billing\":false,\"broadcaster\":false,\"communicator\":false}");
        assertThat(json.path("team_ids").isArray()).isTrue();
        assertThat(json.path("team_ids")).isEmpty();
    }

    @Test
    void takesTheUuidTheUserPrefixIdOrTheAccountUserPrefixId() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Ids", BASE));
        awaitVersion(userId, 0);

        JsonNode byUuid = ok(account.http(), "/api/v4/account_users/" + userId);
        assertThat(ok(account.http(), "/api/v4/account_users/" + PrefixIds.of(PrefixIds.USER, userId)))
                .isEqualTo(byUuid);
        assertThat(ok(account.http(), "/api/v4/account_users/" + byUuid.path("prefix_id").asString()))
                .isEqualTo(byUuid);
    }

    @Test
    void unknownGarbageAndOtherAccountsIdsAreNotFound() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Mine", BASE));
        awaitVersion(userId, 0);

        for (String id : List.of(UUID.randomUUID().toString(), "garbage", "acu_xyz", "phn_" + hex(userId))) {
            notFound(account.http(), "/api/v4/account_users/" + id);
        }
        notFound(otherAccount(), "/api/v4/account_users/" + userId);
        notFound(otherAccount(), "/api/v4/account_users/acu_" + hex(userId));
    }

    private UUID otherAccountId() {
        return newAccount().id();
    }

    static JsonNode ok(Http http, String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        return response.json();
    }

    private static void notFound(Http http, String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(404);
        assertThat(response.json().path("code").asInt()).isEqualTo(404);
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
