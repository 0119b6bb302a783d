package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.EmailAdded;
import dev.users.events.EmailRemoved;
import dev.users.events.PhoneAdded;
import dev.users.events.RolesAssigned;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code q} on {@code /api/v4/users} and {@code /api/v4/account_users}: a case-insensitive substring of the name,
 * any email, any phone number or any role name, combined with the filters, over the twelve users of
 * {@link V4ListFixture}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V4SearchTest extends QueryTest {

    @Autowired
    PlatformTransactionManager transactions;

    private final V4ListFixture fixture = new V4ListFixture();
    private Http http;

    @BeforeAll
    void twelveUsers() {
        Account account = newAccount();
        http = account.http();
        List<Long> versions = fixture.appendTo(this, account.id());
        for (int i = 0; i < versions.size(); i++) {
            awaitVersion(fixture.ids.get(i), versions.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v4/users", "/api/v4/account_users"})
    void matchesNameEmailPhoneAndRoleIgnoringCase(String path) {
        assertThat(tinyIds(path, "q=alice")).containsExactly(1L);
        assertThat(tinyIds(path, "q=ADAMS")).containsExactly(1L);
        assertThat(tinyIds(path, "q=bob")).containsExactly(2L);
        assertThat(tinyIds(path, "q=SECOND@LIST")).containsExactly(2L);
        assertThat(tinyIds(path, "q=user1")).containsExactly(1L, 10L, 11L, 12L);
        // digits as typed match inside the E.164 number
        assertThat(tinyIds(path, "q=555")).containsExactly(1L);
        assertThat(tinyIds(path, "q=2071838")).containsExactly(2L);
        assertThat(tinyIds(path, "q=%2B44")).containsExactly(2L);
        // an unencoded + arrives as a space, which is stripped
        assertThat(tinyIds(path, "q=+1415")).containsExactly(1L);
        assertThat(tinyIds(path, "q=bill")).containsExactly(2L);
        assertThat(tinyIds(path, "q=ADMIN")).containsExactly(1L, 2L);
        assertThat(tinyIds(path, "q=nobody-has-this")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v4/users", "/api/v4/account_users"})
    void combinesWithFiltersPagingAndSort(String path) {
        JsonNode london = list(path, "q=list.example&time_zone=London&limit=4");
        assertThat(tinyIds(london)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(london.path("total_count").asLong()).isEqualTo(6);
        assertThat(london.path("has_more").asBoolean()).isTrue();
        assertThat(tinyIds(path, "q=admin&preferred_language=de")).containsExactly(2L);
        assertThat(tinyIds(path, "q=e&sort=name&direction=desc&limit=2")).containsExactly(12L, 11L);
        assertThat(list(path, "q=an&page=2&limit=2").path("total_count").asLong()).isEqualTo(3);
        assertThat(tinyIds(path, "q=an&page=2&limit=2")).containsExactly(9L);
    }

    @Test
    void wildcardsMatchLiterallyAndNeverAcrossTwoValues() {
        assertThat(tinyIds("/api/v4/users", "q=_")).containsExactly(3L);
        assertThat(tinyIds("/api/v4/users", "q=%25")).containsExactly(4L);
        assertThat(tinyIds("/api/v4/users", "q=%5C")).isEmpty();
        // "Alice Adams" then "user1@list.example": each value is searched alone
        assertThat(tinyIds("/api/v4/users", "q=adams%20user1")).isEmpty();
        assertThat(tinyIds("/api/v4/users", "q=adams")).containsExactly(1L);
    }

    @Test
    void blankSearchesEverythingAndBadOnesAre422() {
        assertThat(list("/api/v4/users", "q=%20%20").path("total_count").asLong()).isEqualTo(12);
        assertThat(invalid("/api/v4/users", "q=" + "x".repeat(201)))
                .isEqualTo("q must be at most 200 characters");
        assertThat(invalid("/api/v4/account_users", "q=a%09b"))
                .isEqualTo("query parameter q must not contain U+0009 (a control character)");
        assertThat(invalid("/api/v4/users", "q=a&q=b")).isEqualTo("parameter q is given more than once");
    }

    @Test
    void theSearchFollowsEmailPhoneAndRoleChanges() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        UUID email = UUID.randomUUID();
        UserHistory user = history(userId);
        user.append(created(userId, account.id(), 1, "Changing", BASE),
                new EmailAdded(userId, email, "first@search.example", true),
                new PhoneAdded(userId, UUID.randomUUID(), "+14155552671", "US", true, null),
                new RolesAssigned(userId, List.of("billing")));
        awaitVersion(userId, user.version());
        Http mine = account.http();
        assertThat(count(mine, "first@search")).isEqualTo(1);
        assertThat(count(mine, "4155552")).isEqualTo(1);
        assertThat(count(mine, "billing")).isEqualTo(1);

        user.append(new EmailAdded(userId, UUID.randomUUID(), "second@search.example", true),
                new EmailRemoved(userId, email, "first@search.example"),
                new RolesAssigned(userId, List.of("admin")));
        awaitVersion(userId, user.version());
        assertThat(count(mine, "first@search")).isZero();
        assertThat(count(mine, "second@search")).isEqualTo(1);
        assertThat(count(mine, "billing")).isZero();
        assertThat(count(mine, "admin")).isEqualTo(1);
    }

    /** With sequential scans priced out, the search predicate is served by the trigram index (V5, moved in V9). */
    @Test
    void theSearchCanUseItsTrigramIndex() {
        String plan = new TransactionTemplate(transactions).execute(tx -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("explain select user_id from user_directory_lookup"
                    + " where search_text ilike '%list.example%' escape '\\'").query(String.class).list());
        });
        assertThat(plan).contains("user_directory_lookup_search_idx");
    }

    /**
     * The search index's pending list stays small for the service's own writes (V10), set by the pool on every
     * connection rather than on the index, so that a build from nothing can lift it for its own transaction (V12);
     * and no query of the service starts parallel workers (an email filter did, at ~0.1 s a query).
     */
    @Test
    void theServiceConnectionsKeepTheSearchIndexPendingListSmallAndQueriesSerial() {
        assertThat(jdbc.sql("show gin_pending_list_limit").query(String.class).single()).isEqualTo("256kB");
        assertThat(jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single()).isEqualTo("0");
        assertThat(jdbc.sql("select coalesce(array_to_string(reloptions, ','), '') from pg_class"
                + " where relname = 'user_directory_lookup_search_idx'").query(String.class).single())
                .isEqualTo("fastupdate=on");
    }

    private static long count(Http http, String q) {
        return http.get("/api/v4/users?q=" + q).json().path("total_count").asLong();
    }

    private JsonNode list(String path, String query) {
        Http.Response response = http.get(path + "?" + query);
        assertThat(response.status()).as(path + "?" + query + " -> " + response).isEqualTo(200);
        return response.json();
    }

    private List<Long> tinyIds(String path, String query) {
        return tinyIds(list(path, query));
    }

    private static List<Long> tinyIds(JsonNode page) {
        return page.path("data").values().stream().map(u -> u.path("tiny_id").asLong()).toList();
    }

    /** The single message of a 422. */
    private String invalid(String path, String query) {
        Http.Response response = http.get(path + "?" + query);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(422);
        assertThat(response.json().path("errors")).hasSize(1);
        return response.json().path("errors").get(0).path("message").asString();
    }
}
