package dev.users.app.axon;

import dev.users.app.support.ApiTest;
import dev.users.signals.Occurrences;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' event stream: woken by this node's commits (never waiting for its poll), and never skipping an
 * event whose transaction commits after a later one's (the gap it leaves is read again).
 */
class StoreEventStreamTest extends ApiTest {

    /** Longer than any test: a stream that needed its poll would time out instead. */
    private static final long NO_POLL = TimeUnit.HOURS.toNanos(1);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    @Qualifier("localAppends")
    Occurrences appends;
    @Autowired
    TransactionManager transactions;

    @Test
    void aCommittedAppendWakesAWaitingStream() throws Exception {
        try (var stream = new StoreEventStream(storage, appends, NO_POLL, eventStore.createHeadToken())) {
            assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();

            CompletableFuture<Void> append = CompletableFuture.runAsync(() -> eventStore.publish(probe("woken")));

            assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("woken");
            append.get();
        }
    }

    @Test
    void anEventCommittedAfterALaterOneIsStillDelivered() throws Exception {
        try (var stream = new StoreEventStream(storage, appends, NO_POLL, eventStore.createHeadToken())) {
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
                unitOfWork.attachTransaction(transactions);
                eventStore.publish(probe("late")); // takes its global index now, commits only when released
                appended.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                unitOfWork.commit();
            });
            appended.await();
            eventStore.publish(probe("early"));

            assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("early");

            release.countDown();
            slow.get();
            assertThat(stream.hasNextAvailable(30, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("late");
        }
    }

    /** An event no projection handles (a String payload), of an aggregate of its own. */
    private static GenericDomainEventMessage<String> probe(String payload) {
        return new GenericDomainEventMessage<>("Probe", UUID.randomUUID().toString(), 0, payload);
    }
}
