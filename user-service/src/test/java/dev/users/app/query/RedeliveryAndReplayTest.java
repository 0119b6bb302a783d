package dev.users.app.query;

import dev.users.events.EmailAdded;
import dev.users.events.PhoneAdded;
import dev.users.events.PhoneBlocked;
import dev.users.events.RolesAssigned;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import dev.users.query.directory.UserDirectoryProjection;
import dev.users.query.directory.UserRow;
import dev.users.query.directory.UserRows;
import dev.users.query.signin.SignInAuditProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What makes the read models safe to rebuild and to receive a batch twice: sign-ins are audited once per event,
 * handlers skip events the row has already seen, a reset empties the tables for a replay that rebuilds them, and a
 * processor that starts without a token (a new database, or read models emptied together with their token) builds
 * them by reading the store in aggregate order, in one transaction with its first token, exactly as event-by-event
 * processing built them.
 */
class RedeliveryAndReplayTest extends QueryTest {

    @Autowired
    UserDirectoryProjection directory;

    @Autowired
    SignInAuditProjection audit;

    @Autowired
    UserRows rows;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSignInSetsLastSignInAtAndIsAuditedWithTheKeyThatMadeIt() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        UserHistory user = history(userId);
        Instant signedIn = Instant.parse("2024-02-02T08:00:00Z");
        Instant recorded = Instant.parse("2024-02-02T08:00:01Z");
        user.append(created(userId, account.id(), 1, "Signs In", BASE));
        user.appendAt(recorded, new UserSignedIn(userId, null, signedIn));
        awaitVersion(userId, 1);

        assertThat(rows.find(userId).orElseThrow().lastSignInAt()).isEqualTo(signedIn);
        Map<String, Object> row = jdbc.sql("select * from sign_in_audit where user_id = ?").param(userId)
                .query().singleRow();
        assertThat(row.get("account_id")).isEqualTo(account.id());
        assertThat(row.get("api_key_id")).isEqualTo(UserHistory.API_KEY);
        assertThat(row.get("previous_sign_in_at")).isNull();
        assertThat(row.get("event_id")).isEqualTo(eventIdOf(userId, 1));
        assertThat(jdbc.sql("select recorded_at = ? from sign_in_audit where user_id = ?")
                .params(Timestamp.from(recorded), userId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        UserHistory user = history(userId);
        user.append(created(userId, account.id(), 1, "Original", BASE),
                new EmailAdded(userId, UUID.randomUUID(), "once@example.com", true),
                new UserRenamed(userId, "Renamed", null, null),
                new UserSignedIn(userId, null, Instant.parse("2024-02-02T08:00:00Z")));
        awaitVersion(userId, 3);
        UserRow before = rows.find(userId).orElseThrow();
        String signInEvent = eventIdOf(userId, 3);

        Instant later = Instant.now();
        directory.on(created(userId, account.id(), 1, "Original", BASE), 0, later);
        directory.on(new EmailAdded(userId, UUID.randomUUID(), "once@example.com", true), 1, later);
        directory.on(new UserRenamed(userId, "Original", null, null), 2, later);
        audit.on(new UserSignedIn(userId, null, Instant.parse("2024-02-02T08:00:00Z")), signInEvent, "k2", later);

        assertThat(rows.find(userId).orElseThrow()).isEqualTo(before);
        assertThat(userCount(account.id())).isEqualTo(1);
        assertThat(jdbc.sql("select api_key_id from sign_in_audit where user_id = ?").param(userId)
                .query(String.class).list()).containsExactly(UserHistory.API_KEY);
    }

    @Test
    void theResetHandlersEmptyEveryReadModelTable() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        history(userId).append(created(userId, account.id(), 1, "Reset", BASE),
                new UserSignedIn(userId, null, Instant.parse("2024-02-02T08:00:00Z")));
        awaitVersion(userId, 1);

        // rolled back: the other tests share these tables, and the processor's token stays where it is
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            directory.reset();
            audit.reset();
            assertThat(readModelRows()).isZero();
            tx.setRollbackOnly();
        });
        assertThat(version(userId)).isEqualTo(1);
    }

    @Test
    void aReplayRebuildsTheReadModelsAsTheyWere() throws Exception {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        UserHistory user = history(userId);
        user.append(created(userId, account.id(), 1, "Replayed", BASE),
                new EmailAdded(userId, UUID.randomUUID(), "replay@example.com", true),
                new UserSignedIn(userId, null, Instant.parse("2024-02-02T08:00:00Z")));
        awaitVersion(userId, 2);
        UserRow before = rows.find(userId).orElseThrow();
        Map<String, Object> auditBefore = jdbc.sql("select * from sign_in_audit where user_id = ?").param(userId)
                .query().singleRow();

        StreamingEventProcessor processor = processing
                .eventProcessor(UserDirectoryProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().get();
        try {
            processor.resetTokens();
            assertThat(readModelRows()).isZero();
        } finally {
            processor.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> rows.find(userId).map(UserRow::version).orElse(-1L) >= 2);
        assertThat(rows.find(userId).orElseThrow()).isEqualTo(before);
        assertThat(userCount(account.id())).isEqualTo(1);
        assertThat(jdbc.sql("select * from sign_in_audit where user_id = ?").param(userId).query().singleRow())
                .isEqualTo(auditBefore);
    }

    /** Guards the replay below: a token store that cannot read a ReplayToken back would stall the processor. */
    @Test
    void theTokenStoreReadsReplayTokensBack() {
        Serializer serializer = ((JdbcTokenStore) tokenStore).serializer();
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(5));
        assertThat(serializer.deserialize(serializer.serialize(token, byte[].class)).equals(token)).isTrue();
    }

    private long readModelRows() {
        return count("user_directory") + count("user_directory_lookup") + count("account_user_counts")
                + count("sign_in_audit");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String eventIdOf(UUID userId, long sequence) {
        return jdbc.sql("select eventidentifier from domainevententry where aggregateidentifier = ? and sequencenumber = ?")
                .params(userId.toString(), sequence).query(String.class).single();
    }

    @Test
    void aProcessorWithoutATokenBuildsTheReadModelsAsEventByEventProcessingDid() throws Exception {
        Account account = newAccount();
        UUID kept = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        UUID phoned = UUID.randomUUID();
        UserHistory first = history(kept);
        UserHistory second = history(removed);
        UserHistory third = history(phoned);
        UUID phoneId = UUID.randomUUID();
        // interleaved, as real histories are: each user's events lie apart in the store's global order
        first.append(created(kept, account.id(), 1, "Kept", BASE));
        second.append(created(removed, account.id(), 2, "Removed", BASE));
        third.append(created(phoned, account.id(), 3, "Phoned", BASE));
        first.append(new EmailAdded(kept, UUID.randomUUID(), "kept@example.com", true));
        second.append(new UserSignedIn(removed, null, Instant.parse("2024-02-01T08:00:00Z")));
        third.append(new PhoneAdded(phoned, phoneId, "+14155550101", "US", true, null));
        first.append(new UserSignedIn(kept, null, Instant.parse("2024-02-02T08:00:00Z")));
        second.append(new UserRemoved(removed, List.of(), Instant.parse("2024-02-03T08:00:00Z")));
        third.append(new PhoneBlocked(phoned, phoneId), new RolesAssigned(phoned, List.of("admin")));
        first.append(new UserSignedIn(kept, Instant.parse("2024-02-02T08:00:00Z"),
                Instant.parse("2024-02-04T08:00:00Z")), new UserRenamed(kept, "Kept Renamed", "Kept", "Renamed"));
        awaitVersion(kept, first.version());
        awaitVersion(phoned, third.version());
        awaitGone(removed);
        ReadModels before = readModels(account.id());
        assertThat(before.directory()).hasSize(2);
        assertThat(before.audit()).hasSize(3); // the removed user's sign-in stays audited

        StreamingEventProcessor processor = processing
                .eventProcessor(UserDirectoryProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().get();
        try {
            emptyReadModelsAndToken();
        } finally {
            processor.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> tokenStore.fetchSegments(UserDirectoryProjection.GROUP).length > 0);
        assertThat(readModels(account.id())).isEqualTo(before);
        TrackingToken token = tokenStore.fetchToken(UserDirectoryProjection.GROUP, 0);
        assertThat(token).isInstanceOf(GapAwareTrackingToken.class); // not a replay: the building is done
        assertThat(token.position()).hasValue(jdbc.sql("select max(globalindex) from domainevententry")
                .query(Long.class).single());

        long next = first.append(new UserSignedIn(kept, Instant.parse("2024-02-04T08:00:00Z"),
                Instant.parse("2024-02-05T08:00:00Z")));
        awaitVersion(kept, next);
        assertThat(readModels(account.id()).audit()).hasSize(4);
    }

    /** What bench/sql/reset_read_model.sql does: read models and token go together, in one transaction. */
    private void emptyReadModelsAndToken() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("delete from tokenentry where processorname = ?").param(UserDirectoryProjection.GROUP)
                    .update();
            jdbc.sql("truncate user_directory, user_directory_lookup, account_user_counts, sign_in_audit").update();
        });
    }

    private ReadModels readModels(UUID accountId) {
        return new ReadModels(
                rows("select * from user_directory where account_id = ? order by user_id", accountId),
                rows("select * from user_directory_lookup where account_id = ? order by user_id", accountId),
                rows("select * from sign_in_audit where account_id = ? order by event_id", accountId),
                userCount(accountId));
    }

    /** Rows as comparable values: the driver's SQL arrays compare by identity, their elements by value. */
    private List<Map<String, Object>> rows(String sql, UUID accountId) {
        return jdbc.sql(sql).param(accountId).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                row.put(rs.getMetaData().getColumnName(i),
                        value instanceof Array array ? Arrays.asList((Object[]) array.getArray()) : value);
            }
            return row;
        }).list();
    }

    record ReadModels(List<Map<String, Object>> directory, List<Map<String, Object>> lookup,
                      List<Map<String, Object>> audit, long userCount) {
    }
}
