package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.app.support.ImcoClients;
import dev.users.events.EmailAdded;
import dev.users.events.PhoneAdded;
import dev.users.events.PrimaryEmailChanged;
import dev.users.events.RolesAssigned;
import dev.users.events.UserCreated;
import dev.users.events.UserRenamed;
import dev.users.web.PrefixIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v3/settings/users} and {@code /v3/settings/users/:id}: IMCO's user (a plain array for the list), the
 * first/last name split, the primary email and phone, and 404/422 in v3's error body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V3UserReadTest extends QueryTest {

    private static final List<String> KEYS = List.of("id", "first_name", "last_name", "email", "customer_id",
            "language", "timezone", "phone", "roles", "resource_type");

    private Account account;
    private final UUID bobby = UUID.randomUUID();
    private final UUID cher = UUID.randomUUID();
    private final UUID mary = UUID.randomUUID();
    private final UUID split = UUID.randomUUID();

    /** Four users, tiny ids 1–4, created in reverse so that the list's order is the tiny ids', not insertion's. */
    @BeforeAll
    void users() {
        account = newAccount();
        UserHistory stored = history(split);
        stored.append(new UserCreated(split, account.id(), 4, "Van Der Berg Anna", "Anna", "van der Berg", null,
                null, null, null, BASE));
        UserHistory m = history(mary);
        m.append(created(mary, account.id(), 3, "Mary Ann Smith", BASE));
        UserHistory c = history(cher);
        c.append(created(cher, account.id(), 2, "Cher", BASE));
        UserHistory b = history(bobby);
        UUID home = UUID.randomUUID();
        b.append(created(bobby, account.id(), 1, "Bobby Hill", BASE),
                new EmailAdded(bobby, UUID.randomUUID(), "bobby@example.com", true),
                new EmailAdded(bobby, home, "bob@home.example", false),
                new PrimaryEmailChanged(bobby, home),
                new PhoneAdded(bobby, UUID.randomUUID(), "+442071838750", "GB", false, null),
                new PhoneAdded(bobby, UUID.randomUUID(), "+14155552671", "US", true, "sms"),
                new RolesAssigned(bobby, List.of("admin", "billing")));
        awaitVersion(split, stored.version());
        awaitVersion(mary, m.version());
        awaitVersion(cher, c.version());
        awaitVersion(bobby, b.version());
    }

    @Test
    void listIsAPlainArrayOfV3UsersByTinyId() {
        JsonNode list = ok("/v3/settings/users");
        assertThat(list.isArray()).isTrue();
        assertThat(ids(list)).containsExactly(bobby.toString(), cher.toString(), mary.toString(), split.toString());
        for (JsonNode user : list.values()) {
            assertThat(user.propertyNames()).containsExactlyElementsOf(KEYS);
        }
        JsonNode first = list.get(0);
        assertThat(first.path("email").asString()).isEqualTo("bob@home.example");
        assertThat(first.path("phone").asString()).isEqualTo("+14155552671");
        assertThat(first.path("customer_id").asString()).isEqualTo(account.id().toString());
        assertThat(first.path("language").asString()).isEqualTo("en");
        assertThat(first.path("timezone").asString()).isEqualTo("London");
        assertThat(first.path("roles").toString()).isEqualTo("[\"admin\",\"billing\"]");
        assertThat(first.path("resource_type").asString()).isEqualTo("user");
        JsonNode bare = list.get(1);
        assertThat(bare.path("email").isNull()).isTrue();
        assertThat(bare.path("phone").isNull()).isTrue();
        assertThat(bare.path("roles").toString()).isEqualTo("[]");
        assertThat(list.get(3).path("language").isNull()).isTrue();
    }

    @Test
    void namesAreSplitAtTheLastSpaceUnlessTheirPartsWereStored() {
        List<String> names = ok("/v3/settings/users").values().stream()
                .map(u -> u.path("first_name").asString() + "|" + u.path("last_name").asString()).toList();
        assertThat(names).containsExactly("Bobby|Hill", "Cher|", "Mary Ann|Smith", "Anna|van der Berg");
    }

    @Test
    void aRenameWithoutPartsSplitsTheNewName() {
        Account other = newAccount();
        UUID userId = UUID.randomUUID();
        UserHistory user = history(userId);
        user.append(new UserCreated(userId, other.id(), 1, "Ann Lee", "Ann", "Lee", null, null, null, null, BASE),
                new UserRenamed(userId, "Ann Marie Lee-Smith", null, null));
        awaitVersion(userId, user.version());

        JsonNode json = other.http().get("/v3/settings/users/" + userId).json();
        assertThat(json.path("first_name").asString()).isEqualTo("Ann Marie");
        assertThat(json.path("last_name").asString()).isEqualTo("Lee-Smith");
    }

    @Test
    void showsOneUserByUuidOrPrefixId() {
        JsonNode json = ok("/v3/settings/users/" + bobby);
        assertThat(json.propertyNames()).containsExactlyElementsOf(KEYS);
        assertThat(json).isEqualTo(ok("/v3/settings/users").get(0));
        assertThat(ok("/v3/settings/users/" + PrefixIds.of(PrefixIds.USER, bobby))).isEqualTo(json);
    }

    @Test
    void unknownGarbageAndOtherAccountsIdsAreNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-an-id", "usr_123", "acu_" + hex(bobby))) {
            notFound(account.http(), "/v3/settings/users/" + id);
        }
        notFound(otherAccount(), "/v3/settings/users/" + bobby);
        assertThat(otherAccount().get("/v3/settings/users").json().toString()).isEqualTo("[]");
    }

    @Test
    void limitAndOffsetPageWhenGiven() {
        assertThat(ids(ok("/v3/settings/users?limit=2"))).containsExactly(bobby.toString(), cher.toString());
        assertThat(ids(ok("/v3/settings/users?limit=2&offset=3"))).containsExactly(split.toString());
        assertThat(ids(ok("/v3/settings/users?offset=1"))).hasSize(3);
        // page is v4's; v3 pages by offset only, so it changes nothing
        assertThat(ids(ok("/v3/settings/users?page=2"))).hasSize(4);
    }

    @Test
    void badPagingIsA422InV3sErrorBody() {
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "offset=-1", "limit=1&limit=2")) {
            Http.Response response = account.http().get("/v3/settings/users?" + query);
            assertThat(response.status()).as(query + " -> " + response).isEqualTo(422);
            assertThat(ImcoClients.fieldErrors(response)).as(query).isNotEmpty();
        }
        assertThat(ImcoClients.fieldErrors(account.http().get("/v3/settings/users?limit=0")))
                .containsExactly(Map.entry("limit", List.of("must be between 1 and 100")));
        assertThat(ImcoClients.fieldErrors(account.http().get("/v3/settings/users?limit=0&offset=x")))
                .containsExactly(Map.entry("limit", List.of("must be between 1 and 100")),
                        Map.entry("offset", List.of("must be a whole number of at least 0")));
    }

    private JsonNode ok(String path) {
        Http.Response response = account.http().get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        return response.json();
    }

    private static void notFound(Http http, String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(404);
        assertThat(ImcoClients.error(response)).contains("not found");
    }

    private static List<String> ids(JsonNode list) {
        return list.values().stream().map(u -> u.path("id").asString()).toList();
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
