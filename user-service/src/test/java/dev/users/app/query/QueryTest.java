package dev.users.app.query;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import dev.users.events.NotificationPreferences;
import dev.users.events.TimeZoneSetting;
import dev.users.events.UserCreated;
import dev.users.query.list.SqlValues;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Base of the read-side tests: the whole application (shared context of {@link ApiTest}), with users made by
 * appending their events to the real event store, as the command side would, and waiting until the user-directory
 * processor has applied them. Every test works in an account of its own, so counts and lists are its own.
 */
abstract class QueryTest extends ApiTest {

    static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcClient jdbc;

    /** A fresh account and a client authenticated for it. */
    Account newAccount() {
        UUID id = accounts.create("query-" + UUID.randomUUID(), "US");
        return new Account(id, new Http(port, apiKeys.issue(id, "test", null, true)));
    }

    UserHistory history(UUID userId) {
        return new UserHistory(eventStore, userId);
    }

    /** More events for a user whose stream already reached {@code version}. */
    UserHistory history(UUID userId, long version) {
        return new UserHistory(eventStore, userId, version);
    }

    static UserCreated created(UUID userId, UUID accountId, long tinyId, String name, Instant createdAt) {
        return new UserCreated(userId, accountId, tinyId, name, null, null,
                new TimeZoneSetting("London", "Europe/London"), "en", NotificationPreferences.DEFAULT, Map.of(),
                createdAt);
    }

    /** The version the directory row has reached, -1 when there is no row. */
    long version(UUID userId) {
        return jdbc.sql("select version from user_directory where user_id = ?").param(userId)
                .query(Long.class).optional().orElse(-1L);
    }

    void awaitVersion(UUID userId, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> version(userId) >= version);
    }

    void awaitGone(UUID userId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> version(userId) == -1L);
    }

    long userCount(UUID accountId) {
        return jdbc.sql("select user_count from account_user_counts where account_id = ?").param(accountId)
                .query(Long.class).optional().orElse(0L);
    }

    /** An account-defined role, as the command side's roles endpoints write it. */
    void addAccountRole(UUID accountId, String name, Instant createdAt) {
        jdbc.sql("insert into account_roles (account_id, name, description, created_at) values (?, ?, '', ?)")
                .params(accountId, name, SqlValues.timestamp(createdAt)).update();
    }

    record Account(UUID id, Http http) {
    }
}
