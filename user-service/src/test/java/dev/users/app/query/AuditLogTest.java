package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.EmailAdded;
import dev.users.events.LanguageChanged;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.web.PrefixIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An account's audit log: newest first, history's entries with their user, filters, paging, isolation, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest extends QueryTest {

    private static final Instant T1 = Instant.parse("2025-02-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-02-02T09:00:00Z");
    private static final Instant T3 = Instant.parse("2025-02-03T09:00:00Z");
    private static final Instant T4 = Instant.parse("2025-02-04T09:00:00Z");
    private static final Instant T5 = Instant.parse("2025-02-05T09:00:00Z");

    private final String keyA = UUID.randomUUID().toString();
    private final String keyB = UUID.randomUUID().toString();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();
    private Http http;
    private Http other;

    @BeforeAll
    void events() {
        Account account = newAccount();
        Account otherAccount = newAccount();
        http = account.http();
        other = otherAccount.http();
        UserHistory a = history(alice);
        UserHistory b = history(bob);
        UserHistory s = history(stranger);
        a.appendAt(T1, keyA, created(alice, account.id(), 1, "Alice", T1));
        b.appendAt(T2, keyB, created(bob, account.id(), 2, "Bob", T2));
        s.appendAt(T2, keyA, created(stranger, otherAccount.id(), 1, "Stranger", T2));
        a.appendAt(T3, keyA, new UserRenamed(alice, "Alice B", "Alice", "B"));
        s.appendAt(T3, keyA, new UserRenamed(stranger, "Stranger B", null, null));
        b.appendAt(T4, keyB, new EmailAdded(bob, UUID.randomUUID(), "bob@example.com", true));
        a.appendAt(T4, keyA, new LanguageChanged(alice, "de"));
        b.appendAt(T5, keyA, new UserRemoved(bob, List.of(), T5));
        awaitVersion(alice, a.version());
        awaitGone(bob);
    }

    @Test
    void theAccountsChangesNewestFirstAsHistoryShowsThem() {
        JsonNode page = ok(http, "/api/v4/audit_log");
        assertThat(page.path("total_count").asLong()).isEqualTo(6);
        assertThat(page.path("has_more").asBoolean()).isFalse();
        assertThat(types(page)).containsExactly("dev.users.user_removed.v1", "dev.users.language_changed.v2",
                "dev.users.email_added.v1", "dev.users.user_renamed.v1", "dev.users.user_created.v1",
                "dev.users.user_created.v1");
        JsonNode renamed = page.path("data").get(3);
        assertThat(renamed.propertyNames()).containsExactly("sequence", "position", "user_id", "type",
                "occurred_at", "data", "changes", "metadata");
        assertThat(renamed.path("user_id").asString()).isEqualTo(alice.toString());
        assertThat(renamed.path("occurred_at").asString()).isEqualTo("2025-02-03T09:00:00.000Z");
        assertThat(renamed.path("changes").get(0).path("from").asString()).isEqualTo("Alice");
        assertThat(renamed.path("changes").get(0).path("to").asString()).isEqualTo("Alice B");
        assertThat(renamed.path("metadata").path("api_key_id").asString()).isEqualTo(keyA);
        JsonNode aliceHistory = ok(http, "/api/v4/users/" + alice + "/history").path("data").get(1);
        assertThat(withoutUser(renamed)).isEqualTo(aliceHistory);
        JsonNode removal = page.path("data").get(0).path("changes").get(0);
        assertThat(removal.path("field").asString()).isEqualTo("removed_at");
    }

    @Test
    void anotherAccountsEventsNeverAppear() {
        JsonNode mine = ok(http, "/api/v4/audit_log?limit=100");
        mine.path("data").forEach(entry -> assertThat(entry.path("user_id").asString())
                .isNotEqualTo(stranger.toString()));
        JsonNode theirs = ok(other, "/api/v4/audit_log?limit=100");
        assertThat(types(theirs)).containsExactly("dev.users.user_renamed.v1", "dev.users.user_created.v1");
        assertThat(ok(other, "/api/v4/audit_log?api_key_id=" + keyA).path("total_count").asLong()).isEqualTo(2);
        assertThat(http.get("/api/v4/audit_log?user_id=" + stranger).status()).isEqualTo(404);
        assertThat(other.get("/api/v4/audit_log?user_id=" + alice).status()).isEqualTo(404);
        assertThat(http.get("/api/v4/audit_log?user_id=" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void filtersCombineAndPagesFollowEachOther() {
        assertThat(types(ok(http, "/api/v4/audit_log?from=" + T2 + "&to=" + T4)))
                .containsExactly("dev.users.user_renamed.v1", "dev.users.user_created.v1");
        assertThat(users(ok(http, "/api/v4/audit_log?api_key_id=" + keyB)))
                .containsExactly(bob.toString(), bob.toString());
        assertThat(types(ok(http, "/api/v4/audit_log?api_key_id=" + keyA + "&from=" + T4)))
                .containsExactly("dev.users.user_removed.v1", "dev.users.language_changed.v2");
        assertThat(types(ok(http, "/api/v4/audit_log?type=dev.users.user_created.v1,dev.users.user_removed.v1")))
                .containsExactly("dev.users.user_removed.v1", "dev.users.user_created.v1", "dev.users.user_created.v1");
        assertThat(types(ok(http, "/api/v4/audit_log?user_id=" + PrefixIds.of(PrefixIds.USER, bob))))
                .containsExactly("dev.users.user_removed.v1", "dev.users.email_added.v1", "dev.users.user_created.v1");
        assertThat(ok(http, "/api/v4/audit_log?api_key_id=" + UUID.randomUUID()).path("data").size()).isZero();
        JsonNode second = ok(http, "/api/v4/audit_log?limit=2&page=2");
        assertThat(types(second)).containsExactly("dev.users.email_added.v1", "dev.users.user_renamed.v1");
        assertThat(second.path("has_more").asBoolean()).isTrue();
        assertThat(second.path("total_count").asLong()).isEqualTo(6);
        assertThat(ok(http, "/api/v4/audit_log?offset=5").path("data").get(0).path("user_id").asString())
                .isEqualTo(alice.toString());
    }

    @Test
    void badParametersAre422NamingThem() {
        for (String query : List.of("from=yesterday", "to=2024-13-01", "type=dev.users.nothing.v1", "type=UserCreated",
                "limit=0", "limit=101", "limit=-1", "limit=99999999999999999999", "offset=-1",
                "api_key_id=k1", "api_key_id=1-1-1-1-1", "api_key_id=" + "a".repeat(5000),
                "user_id=42", "user_id=acu_00000000000000000000000000000000", "from=%00", "api_key_id=%01",
                "user_id=a&user_id=b", "to=" + "9".repeat(5000))) {
            Http.Response response = http.get("/api/v4/audit_log?" + query);
            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.text()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
    }

    private static JsonNode ok(Http http, String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode withoutUser(JsonNode entry) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) entry.deepCopy();
        copy.remove("user_id");
        return copy;
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.path("data").forEach(entry -> types.add(entry.path("type").asString()));
        return types;
    }

    private static List<String> users(JsonNode page) {
        List<String> users = new ArrayList<>();
        page.path("data").forEach(entry -> users.add(entry.path("user_id").asString()));
        return users;
    }
}
