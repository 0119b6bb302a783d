package dev.users.app.query;

import dev.users.app.support.Http.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event index (V14): every event appended lands, in the same transaction, under its user's account, with the
 * same position and sequence as in the store, the event's name and the key that caused it.
 */
class EventIndexTest extends QueryTest {

    @Test
    void everyEventOfAUserIsIndexedUnderItsAccountInStoreOrder() {
        Account account = newAccount();
        Response created = account.http().post("/api/v4/users", Map.of("name", "Indexed User",
                "email", uniqueEmail("indexed")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID user = UUID.fromString(created.json().path("id").asString());
        assertThat(account.http().put("/api/v4/users/" + user, Map.of("name", "Renamed User")).status())
                .isEqualTo(200);

        List<Map<String, Object>> stored = jdbc.sql("select globalindex, sequencenumber, payloadtype,"
                        + " convert_from(metadata, 'UTF8')::json ->> 'apiKeyId' as key from domainevententry"
                        + " where aggregateidentifier = ? order by globalindex")
                .param(user.toString()).query().listOfRows();
        List<Map<String, Object>> indexed = jdbc.sql("select account_id, position, sequence, event_name, api_key_id"
                        + " from event_index where user_id = ? order by position").param(user).query().listOfRows();
        assertThat(indexed).hasSameSizeAs(stored).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(indexed.get(i).get("account_id")).isEqualTo(account.id());
            assertThat(indexed.get(i).get("position")).isEqualTo(stored.get(i).get("globalindex"));
            assertThat(indexed.get(i).get("sequence")).isEqualTo(stored.get(i).get("sequencenumber"));
            assertThat("dev.users.events." + indexed.get(i).get("event_name"))
                    .isEqualTo(stored.get(i).get("payloadtype"));
            assertThat(indexed.get(i).get("api_key_id")).isNotNull().isEqualTo(stored.get(i).get("key"));
        }
        assertThat(indexed).extracting(row -> row.get("event_name")).contains("UserCreated", "EmailAdded",
                "UserRenamed");
    }

    @Test
    void aMetaKeyCalledAccountIdNeverMovesEventsIntoAnotherAccount() {
        Account account = newAccount();
        Account victim = newAccount();
        Response created = account.http().post("/api/v4/users", Map.of("name", "Sneaky User",
                "email", uniqueEmail("sneaky"), "meta", Map.of("accountId", victim.id().toString())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID user = UUID.fromString(created.json().path("id").asString());
        assertThat(account.http().put("/api/v4/users/" + user,
                Map.of("meta", Map.of("accountId", victim.id().toString()))).status()).isEqualTo(200);

        assertThat(jdbc.sql("select distinct account_id from event_index where user_id = ?").param(user)
                .query(UUID.class).list()).containsExactly(account.id());
        assertThat(jdbc.sql("select count(*) from event_index where account_id = ?").param(victim.id())
                .query(Long.class).single()).isZero();
    }
}
