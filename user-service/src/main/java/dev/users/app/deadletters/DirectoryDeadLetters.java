package dev.users.app.deadletters;

import dev.users.query.batch.DataRejections;
import dev.users.query.batch.ParkedUsers;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static dev.users.query.list.SqlValues.storable;

/**
 * The dead-letter queue of the read models' processing group ({@link UserDirectoryProjection#GROUP}): Axon's JDBC
 * queue (table {@code deadletterentry}), sequenced per user (the aggregate id, Axon's
 * {@link SequentialPerAggregatePolicy}), with the set of parked users kept in memory.
 * <p>
 * Axon's dead-lettering invoker asks the queue, for every event, whether its user is parked. The set answers that
 * without a query for every user who is not (every healthy event), and asks the table only about those it holds, since
 * a retry may have drained them since. It is read from the table once, and again after the queue was cleared and
 * when the processor claims its segment (another node may have parked users meanwhile). Axon's own
 * sequence-identifier cache does the same only while the queue was empty when the cache was made (otherwise it
 * asks the table about every user it has not seen, and forgets all but the last 1,024), and it cannot be told about
 * the events parked when a batch's rows are rejected ({@link #park}), so it is not enabled.
 */
public class DirectoryDeadLetters implements SequencedDeadLetterQueue<EventMessage<?>>, ParkedUsers {

    /** What a cause message is cut to: the size of {@code deadletterentry.causemessage}. */
    private static final int CAUSE_MESSAGE_SIZE = ThrowableCause.TRUNCATED_MESSAGE_SIZE;
    private static final Logger log = LoggerFactory.getLogger(DirectoryDeadLetters.class);
    private static final String SEQUENCES = "select distinct sequenceidentifier from deadletterentry"
            + " where processinggroup = ?";

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final JdbcTemplate jdbc;
    /** The sequence identifiers (user ids) with parked events; null until read from the table. */
    private volatile Set<String> parked;

    public DirectoryDeadLetters(SequencedDeadLetterQueue<EventMessage<?>> queue, JdbcTemplate jdbc) {
        this.queue = queue;
        this.jdbc = jdbc;
    }

    /** Every event that fails is parked (and logged), its cause storable and cut to the column's size. */
    public static EnqueuePolicy<EventMessage<?>> enqueuePolicy() {
        return (letter, cause) -> {
            log.warn("Event {} ({}) of user {} failed in the read models; it is parked with the user's later events",
                    letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                    sequenceOf(letter.message()), cause);
            return Decisions.enqueue(storableCause(cause));
        };
    }

    /**
     * The cause as {@code deadletterentry} can store it ({@code causemessage} is a varchar(1023)): PostgreSQL's own
     * error when it rejected the rows (its message and detail, rather than the statement around it).
     */
    static ThrowableCause storableCause(Throwable failure) {
        SQLException rejection = DataRejections.of(failure);
        Throwable cause = rejection != null ? rejection : failure;
        String message = cause.getMessage();
        if (message != null && message.length() > CAUSE_MESSAGE_SIZE) {
            message = message.substring(0, CAUSE_MESSAGE_SIZE);
        }
        return new ThrowableCause(cause.getClass().getName(), storable(message));
    }

    @Override
    public boolean isParked(UUID userId) {
        return parked().contains(userId.toString());
    }

    @Override
    public void park(UUID userId, List<EventMessage<?>> events, Throwable cause) {
        if (events.isEmpty()) {
            return;
        }
        String sequence = sequenceOf(events.get(0));
        Map<String, Optional<Cause>> parkedBefore = new HashMap<>();
        List<DeadLetter<? extends EventMessage<?>>> toEvict = new ArrayList<>();
        List<String> ids = events.stream().map(EventMessage::getIdentifier).toList();
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
            // parked by their handlers earlier in this batch: they go back behind the events before them
            if (ids.contains(letter.message().getIdentifier())) {
                parkedBefore.put(letter.message().getIdentifier(), letter.cause());
                toEvict.add(letter);
            }
        }
        toEvict.forEach(queue::evict);
        Instant now = GenericDeadLetter.clock.instant();
        for (int i = 0; i < events.size(); i++) {
            EventMessage<?> event = events.get(i);
            Cause why = i == 0 ? storableCause(cause)
                    : parkedBefore.getOrDefault(event.getIdentifier(), Optional.empty()).orElse(null);
            enqueue(sequence, new GenericDeadLetter<>(sequence, event, why, now, now, MetaData.emptyInstance()));
        }
    }

    /**
     * Asks the table whether the user still has parked events (a retry may have drained them) and forgets them if
     * not.
     */
    public void refresh(String sequenceIdentifier) {
        if (!queue.contains(sequenceIdentifier)) {
            parked().remove(sequenceIdentifier);
        }
    }

    /** Reads the parked users from the table again at the next question. */
    public synchronized void forgetParked() {
        parked = null;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        queue.enqueue(sequenceIdentifier, letter);
        // before the transaction commits, so that the user's next events of this very batch park too; when it
        // rolls back, the table's answer corrects the set the next time it is asked (see contains)
        parked().add(key(sequenceIdentifier));
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        String key = key(sequenceIdentifier);
        if (!parked().contains(key)) {
            return false;
        }
        if (queue.contains(key)) {
            return true;
        }
        parked().remove(key);
        return false;
    }

    @Override
    public void clear() {
        queue.clear();
        forgetParked();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a clear that rolls back leaves the table as it was: read it again then
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetParked();
                }
            });
        }
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>>
                                   processingTask) {
        return queue.process(sequenceFilter, processingTask);
    }

    /** The sequence an event belongs to, by the rule Axon's dead-lettering invoker applies: its aggregate (user). */
    static String sequenceOf(EventMessage<?> event) {
        Object id = SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        return key(id == null ? event.getIdentifier() : id);
    }

    /** As the JDBC queue stores a sequence identifier. */
    private static String key(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String s ? s : Integer.toString(sequenceIdentifier.hashCode());
    }

    private Set<String> parked() {
        Set<String> known = parked;
        return known != null ? known : load();
    }

    private synchronized Set<String> load() {
        if (parked == null) {
            Set<String> known = ConcurrentHashMap.newKeySet();
            known.addAll(jdbc.queryForList(SEQUENCES, String.class, UserDirectoryProjection.GROUP));
            parked = known;
        }
        return parked;
    }
}
