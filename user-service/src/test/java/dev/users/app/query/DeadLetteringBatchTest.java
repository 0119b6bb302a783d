package dev.users.app.query;

import dev.users.app.deadletters.DirectoryDeadLetters;
import dev.users.events.PhoneAdded;
import dev.users.events.UserCreated;
import dev.users.events.UserEvent;
import dev.users.events.UserRenamed;
import dev.users.query.directory.UserDirectoryProjection;
import dev.users.query.directory.UserRow;
import dev.users.query.directory.UserRows;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batches chosen so that the cases fall into one batch for certain, run through the read-model processor's own
 * (dead-lettering) handlers as it runs them: an event whose handler throws is not applied at all, and parks its
 * user's later events; a user whose rows PostgreSQL rejects at flush time has the batch's events parked in order,
 * while the other users of the batch are written.
 */
class DeadLetteringBatchTest extends QueryTest {

    private static final String CHECK = "dead_lettering_batch_test_rejects";

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    DirectoryDeadLetters deadLetters;

    @Autowired
    TransactionManager transactions;

    @Autowired
    UserRows rows;

    private Account account;
    private final List<UUID> users = new ArrayList<>();

    @BeforeEach
    void freshAccount() {
        account = newAccount();
    }

    @AfterEach
    void leaveTheQueueAndTheTableAsTheyWere() {
        jdbc.sql("alter table user_directory drop constraint if exists " + CHECK).update();
        transactions.executeInTransaction(() -> users.forEach(user -> letters(user).forEach(deadLetters::evict)));
        users.forEach(user -> deadLetters.refresh(user.toString()));
    }

    @Test
    void anEventWhoseHandlerThrowsIsNotAppliedAndParksTheUsersLaterEvents() {
        UUID carol = user();
        UUID phone = UUID.randomUUID();
        handle(List.of(event(carol, 0, created(carol, 1, "Carol")),
                event(carol, 1, new PhoneAdded(carol, phone, "+14155550101", "US", true, null)),
                // no phone id: the handler throws (making the phone's prefix id) after this phone would have
                // demoted the first one, had it changed the row before it threw
                event(carol, 2, new PhoneAdded(carol, null, "+14155550102", "US", true, null)),
                event(carol, 3, new UserRenamed(carol, "Carol Renamed", null, null))));

        UserRow row = rows.find(carol).orElseThrow();
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.name()).isEqualTo("Carol");
        assertThat(row.phones()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(phone);
            assertThat(p.primary()).isTrue();
        });
        List<DeadLetter<? extends EventMessage<?>>> parked = letters(carol);
        assertThat(parked).extracting(letter -> sequence(letter)).containsExactly(2L, 3L);
        assertThat(parked.get(0).cause().map(Cause::type)).hasValue(NullPointerException.class.getName());
        assertThat(parked.get(1).cause()).isEmpty();
        assertThat(deadLetters.isParked(carol)).isTrue();
    }

    @Test
    void aUserWhoseRowsAreRejectedAtFlushIsParkedInOrderAndTheBatchsOtherUsersAreWritten() {
        UUID alice = user();
        UUID rejected = user();
        UUID bob = user();
        jdbc.sql("alter table user_directory add constraint " + CHECK + " check (name not like 'Rejected%') not valid").update();
        handle(List.of(event(alice, 0, created(alice, 1, "Alice")),
                event(rejected, 0, created(rejected, 2, "Rejected")),
                event(alice, 1, new UserRenamed(alice, "Alice Renamed", null, null)),
                event(rejected, 1, new UserRenamed(rejected, "Rejected Still", null, null)),
                event(bob, 0, created(bob, 3, "Bob"))));

        assertThat(rows.find(alice).orElseThrow().name()).isEqualTo("Alice Renamed");
        assertThat(rows.find(bob)).isPresent();
        assertThat(rows.find(rejected)).isEmpty();
        assertThat(userCount(account.id())).isEqualTo(2);
        List<DeadLetter<? extends EventMessage<?>>> parked = letters(rejected);
        assertThat(parked).extracting(letter -> sequence(letter)).containsExactly(0L, 1L);
        assertThat(parked.get(0).cause().map(Cause::message).orElseThrow()).contains(CHECK);

        jdbc.sql("alter table user_directory drop constraint " + CHECK).update();
        assertThat(processing.sequencedDeadLetterProcessor(UserDirectoryProjection.GROUP).orElseThrow()
                .process(letter -> sequence(letter) >= 0
                        && letter.message().getPayload() instanceof UserEvent e && e.userId().equals(rejected)))
                .isTrue();
        assertThat(rows.find(rejected).orElseThrow().name()).isEqualTo("Rejected Still");
        assertThat(userCount(account.id())).isEqualTo(3);
        assertThat(letters(rejected)).isEmpty();
    }

    @Test
    void eventsParkedByTheirHandlerInABatchWhoseRowsAreRejectedStayBehindTheEarlierEvents() {
        UUID rejected = user();
        jdbc.sql("alter table user_directory add constraint " + CHECK + " check (name not like 'Rejected%') not valid").update();
        handle(List.of(event(rejected, 0, created(rejected, 1, "Rejected")),
                event(rejected, 1, new PhoneAdded(rejected, null, "+14155550102", "US", true, null)),
                event(rejected, 2, new UserRenamed(rejected, "Rejected Renamed", null, null))));

        List<DeadLetter<? extends EventMessage<?>>> parked = letters(rejected);
        assertThat(parked).extracting(letter -> sequence(letter)).containsExactly(0L, 1L, 2L);
        assertThat(parked.get(0).cause().map(Cause::message).orElseThrow()).contains(CHECK);
        assertThat(parked.get(1).cause().map(Cause::type)).hasValue(NullPointerException.class.getName());
        assertThat(parked.get(2).cause()).isEmpty();
    }

    private UUID user() {
        UUID user = UUID.randomUUID();
        users.add(user);
        return user;
    }

    /** One batch, as the processor hands it to its handlers, in a transaction of its own. */
    private void handle(List<EventMessage<?>> events) {
        EventHandlerInvoker handlers = processing
                .eventProcessor(UserDirectoryProjection.GROUP, TrackingEventProcessor.class).orElseThrow()
                .eventHandlerInvoker();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        batch.attachTransaction(transactions);
        var result = batch.executeWithResult(() -> {
            handlers.handle(batch.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
        assertThat(result.isExceptional()).as(String.valueOf(result.optionalExceptionResult())).isFalse();
    }

    private List<DeadLetter<? extends EventMessage<?>>> letters(UUID user) {
        return StreamSupport.stream(deadLetters.deadLetterSequence(user.toString()).spliterator(), false).toList();
    }

    private static long sequence(DeadLetter<? extends EventMessage<?>> letter) {
        return ((org.axonframework.eventhandling.DomainEventMessage<?>) letter.message()).getSequenceNumber();
    }

    private UserCreated created(UUID user, long tinyId, String name) {
        return QueryTest.created(user, account.id(), tinyId, name, BASE);
    }

    private static EventMessage<?> event(UUID user, long sequence, UserEvent payload) {
        return new GenericDomainEventMessage<>("User", user.toString(), sequence, payload,
                Map.of("apiKeyId", UserHistory.API_KEY), UUID.randomUUID().toString(), BASE.plusSeconds(sequence));
    }
}
