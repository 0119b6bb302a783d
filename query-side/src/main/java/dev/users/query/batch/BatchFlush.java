package dev.users.query.batch;

import dev.users.events.UserEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Everything one unit of work's handlers collected ({@link BatchWrites}: directory rows, audit rows), written just
 * before its transaction commits: all users together, under one savepoint. When PostgreSQL rejects those writes for
 * what they hold ({@link DataRejections}), no event says whose data it was, and retrying the whole batch would fail
 * the same way for ever: the transaction goes back to the savepoint and writes the batch's users one at a time, each
 * under a savepoint of its own, and a user whose writes are rejected again has their events of the batch parked
 * ({@link ParkedUsers}); their later events park behind them, everyone else's rows are written. Any other failure
 * (a lost connection, a timeout, a deadlock) fails the unit of work as before and the processor retries it whole,
 * parking nothing.
 * <p>
 * A dead letter being retried is a unit of work of its own, and a rejection of its writes simply fails it: Axon
 * then keeps it parked, with the new cause.
 */
final class BatchFlush {

    private static final Logger log = LoggerFactory.getLogger(BatchFlush.class);

    enum Mode {
        /** A processor batch in its own transaction: the savepoint ends with the transaction. */
        BATCH,
        /** A batch inside a longer transaction (a rebuild's chunk): its savepoint is released, else they nest. */
        BATCH_IN_LONGER_TRANSACTION,
        /** One dead letter being retried: a rejection fails it. */
        DEAD_LETTER
    }

    private final Map<String, BatchWrites> parts = new LinkedHashMap<>();
    private final UnitOfWork<?> unit;
    private final Mode mode;
    private final DataSource dataSource;
    private final ParkedUsers parked;

    BatchFlush(UnitOfWork<?> unit, Mode mode, DataSource dataSource, ParkedUsers parked) {
        this.unit = unit;
        this.mode = mode;
        this.dataSource = dataSource;
        this.parked = parked;
    }

    @SuppressWarnings("unchecked")
    <T extends BatchWrites> T part(String key, Supplier<T> create) {
        return (T) parts.computeIfAbsent(key, k -> create.get());
    }

    void flush() {
        Set<UUID> users = new LinkedHashSet<>();
        parts.values().forEach(part -> users.addAll(part.users()));
        if (users.isEmpty()) {
            return;
        }
        Savepoints savepoints = Savepoints.of(dataSource);
        if (savepoints == null) {
            write(users);
            return;
        }
        Savepoint before = savepoints.set();
        try {
            write(users);
        } catch (RuntimeException e) {
            SQLException rejection = DataRejections.of(e);
            if (rejection == null) {
                throw e;
            }
            savepoints.rollBackTo(before);
            if (mode == Mode.DEAD_LETTER) {
                throw e; // the retry's transaction goes on: Axon keeps this letter, with the new cause
            }
            log.warn("PostgreSQL rejected the read-model rows of a batch of {} users ({}); writing them one by one",
                    users.size(), rejection.getMessage());
            writeOneByOne(users, savepoints);
            return;
        }
        if (mode != Mode.BATCH) {
            savepoints.release(before);
        }
    }

    private void write(Collection<UUID> users) {
        for (BatchWrites part : parts.values()) {
            part.write(users::contains);
        }
    }

    private void writeOneByOne(Set<UUID> users, Savepoints savepoints) {
        for (UUID user : users) {
            Savepoint before = savepoints.set();
            try {
                write(Set.of(user));
                savepoints.release(before);
            } catch (RuntimeException e) {
                SQLException rejection = DataRejections.of(e);
                if (rejection == null) {
                    throw e;
                }
                savepoints.rollBackTo(before);
                List<EventMessage<?>> events = eventsOf(user);
                log.warn("PostgreSQL rejected the read-model rows of user {}; parking {} events of theirs: {}", user,
                        events.size(), rejection.getMessage());
                parked.park(user, events, rejection);
            }
        }
    }

    /** The user's events in this unit of work, in order. */
    private List<EventMessage<?>> eventsOf(UUID user) {
        List<? extends Message<?>> messages = unit instanceof BatchingUnitOfWork<?> batch ? batch.getMessages()
                : unit.getMessage() == null ? List.of() : List.of(unit.getMessage());
        List<EventMessage<?>> events = new ArrayList<>();
        for (Message<?> message : messages) {
            if (message instanceof EventMessage<?> event && event.getPayload() instanceof UserEvent payload
                    && user.equals(payload.userId())) {
                events.add(event);
            }
        }
        return events;
    }
}
