package dev.users.app.query;

import dev.users.events.EmailAdded;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import dev.users.query.directory.UserDirectoryProjection;
import dev.users.query.directory.UserRow;
import dev.users.query.directory.UserRows;
import dev.users.query.signin.SignInAuditProjection;
import org.axonframework.config.EventProcessingConfiguration;
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

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What makes the read models safe to rebuild and to receive a batch twice: sign-ins are audited once per event,
 * handlers skip events the row has already seen, and a reset empties the tables for a replay that rebuilds them.
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
            assertThat(count("user_directory") + count("account_user_counts") + count("sign_in_audit")).isZero();
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
            assertThat(count("user_directory") + count("account_user_counts") + count("sign_in_audit")).isZero();
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

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String eventIdOf(UUID userId, long sequence) {
        return jdbc.sql("select eventidentifier from domainevententry where aggregateidentifier = ? and sequencenumber = ?")
                .params(userId.toString(), sequence).query(String.class).single();
    }
}
