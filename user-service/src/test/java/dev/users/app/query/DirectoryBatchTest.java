package dev.users.app.query;

import dev.users.events.EmailAdded;
import dev.users.events.PhoneAdded;
import dev.users.events.RolesAssigned;
import dev.users.events.UserCreated;
import dev.users.events.UserEvent;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import dev.users.query.directory.UserDirectoryProjection;
import dev.users.query.directory.UserRow;
import dev.users.query.directory.UserRows;
import dev.users.query.signin.SignInAuditProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's per-batch working set, driven exactly as the tracking processor drives it (one batching unit of
 * work per batch, both projections of the group, flushed before the transaction commits), with the batches chosen
 * here so that the edge cases are certain to fall into one batch.
 */
class DirectoryBatchTest extends QueryTest {

    @Autowired
    UserDirectoryProjection directory;

    @Autowired
    SignInAuditProjection audit;

    @Autowired
    UserRows rows;

    @Autowired
    TransactionManager transactions;

    private Account account;
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void freshAccount() {
        account = newAccount();
    }

    @Test
    void aUserCreatedChangedAndRemovedInOneBatchIsNeverWrittenNorCounted() {
        List<EventMessage<?>> events = List.of(event(alice, 0, created(alice, 1, "Alice")),
                event(alice, 1, new EmailAdded(alice, UUID.randomUUID(), "alice@batch.example", true)),
                event(alice, 2, new UserSignedIn(alice, null, BASE.plusSeconds(60))),
                event(alice, 3, new UserRenamed(alice, "Alice B", "Alice", "B")),
                event(alice, 4, new UserRemoved(alice, List.of("alice@batch.example"), BASE)));

        handle(events);

        assertThat(rows.find(alice)).isEmpty();
        assertThat(countRow()).isEmpty();
        // the sign-in happened while the user existed: audited with the account of the row the batch held
        assertThat(auditAccounts(alice)).containsExactly(account.id());
    }

    @Test
    void twoUsersOfOneAccountCreatedInOneBatchCountTwo() {
        handle(List.of(event(alice, 0, created(alice, 1, "Alice")), event(bob, 0, created(bob, 2, "Bob")),
                event(bob, 1, new UserSignedIn(bob, null, BASE.plusSeconds(5)))));

        assertThat(userCount(account.id())).isEqualTo(2);
        assertThat(rows.find(alice)).isPresent();
        assertThat(rows.find(bob).orElseThrow().lastSignInAt()).isEqualTo(BASE.plusSeconds(5));
        assertThat(auditAccounts(bob)).containsExactly(account.id());
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<EventMessage<?>> events = fullHistory(alice);
        handle(events);
        UserRow before = rows.find(alice).orElseThrow();

        handle(events);

        assertThat(rows.find(alice).orElseThrow()).isEqualTo(before);
        assertThat(userCount(account.id())).isEqualTo(1);
        assertThat(auditAccounts(alice)).hasSize(1);
    }

    @Test
    void aBatchRolledBackLeavesNothingAndItsRedeliveryAppliesEverything() {
        List<EventMessage<?>> events = fullHistory(alice);
        ResultMessage<?> crashed = run(events, true);
        assertThat(crashed.isExceptional()).isTrue();
        assertThat(rows.find(alice)).isEmpty();
        assertThat(countRow()).isEmpty();
        assertThat(auditAccounts(alice)).isEmpty();

        handle(events);

        assertThat(rows.find(alice).orElseThrow().version()).isEqualTo(4);
        assertThat(userCount(account.id())).isEqualTo(1);
        assertThat(auditAccounts(alice)).hasSize(1);
    }

    @Test
    void aBatchOverlappingWhatWasAppliedAppliesOnlyTheNewEventsAndKeepsSearchTextInStep() {
        List<EventMessage<?>> events = fullHistory(alice);
        handle(events.subList(0, 3));
        handle(events.subList(2, 5)); // the row is loaded; its version turns the phone away
        UserRow row = rows.find(alice).orElseThrow();
        handle(events); // the creation starts a row unread; the insert finds the stored one, which is as new
        assertThat(rows.find(alice).orElseThrow()).isEqualTo(row);

        assertThat(row.version()).isEqualTo(4);
        assertThat(row.emails()).hasSize(1);
        assertThat(row.phones()).hasSize(1);
        assertThat(userCount(account.id())).isEqualTo(1);
        assertThat(jdbc.sql("select search_text from user_directory_lookup where user_id = ?").param(alice)
                .query(String.class).single())
                .isEqualTo("Alice\nalice@batch.example\n+14155550101\nadmin");
    }

    @Test
    void aRedeliveredCreationAndRemovalRemoveTheRowTheFirstRunLeft() {
        handle(List.of(event(alice, 0, created(alice, 1, "Alice")),
                event(alice, 1, new UserRenamed(alice, "Alice B", null, null))));
        assertThat(userCount(account.id())).isEqualTo(1);

        handle(List.of(event(alice, 0, created(alice, 1, "Alice")),
                event(alice, 1, new UserRenamed(alice, "Alice B", null, null)),
                event(alice, 2, new UserRemoved(alice, List.of(), BASE))));

        assertThat(rows.find(alice)).isEmpty();
        assertThat(userCount(account.id())).isZero();
    }

    /** Created, an email, a phone, roles and a sign-in: versions 0 to 4. */
    private List<EventMessage<?>> fullHistory(UUID user) {
        return List.of(event(user, 0, created(user, 1, "Alice")),
                event(user, 1, new EmailAdded(user, UUID.randomUUID(), "alice@batch.example", true)),
                event(user, 2, new PhoneAdded(user, UUID.randomUUID(), "+14155550101", "US", true, null)),
                event(user, 3, new RolesAssigned(user, List.of("admin"))),
                event(user, 4, new UserSignedIn(user, null, BASE.plusSeconds(60))));
    }

    private void handle(List<EventMessage<?>> events) {
        ResultMessage<?> result = run(events, false);
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
    }

    /** One batch as the processor runs it; {@code crash} fails it after its last event, before it commits. */
    private ResultMessage<?> run(List<EventMessage<?>> events, boolean crash) {
        List<AnnotationEventHandlerAdapter> handlers = List.of(new AnnotationEventHandlerAdapter(directory),
                new AnnotationEventHandlerAdapter(audit));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        batch.attachTransaction(transactions);
        return batch.executeWithResult(() -> {
            EventMessage<?> event = batch.getMessage();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
            if (crash && batch.isLastMessage()) {
                throw new IllegalStateException("crash before commit");
            }
            return null;
        });
    }

    private UserCreated created(UUID user, long tinyId, String name) {
        return QueryTest.created(user, account.id(), tinyId, name, BASE);
    }

    private static EventMessage<?> event(UUID user, long sequence, UserEvent payload) {
        return new GenericDomainEventMessage<>("User", user.toString(), sequence, payload,
                Map.of("apiKeyId", UserHistory.API_KEY), UUID.randomUUID().toString(), BASE.plusSeconds(sequence));
    }

    private List<Long> countRow() {
        return jdbc.sql("select user_count from account_user_counts where account_id = ?").param(account.id())
                .query(Long.class).list();
    }

    private List<UUID> auditAccounts(UUID user) {
        return jdbc.sql("select account_id from sign_in_audit where user_id = ?").param(user).query(UUID.class).list();
    }
}
