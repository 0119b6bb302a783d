package dev.users.query.directory;

import dev.users.events.UserCreated;
import dev.users.events.UserEvent;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hands the directory's handlers the {@link DirectoryBatch} of the batch being processed: one per unit of work (the
 * event processor's batch transaction), flushed in that transaction just before it commits, i.e. together with the
 * processor's token, and together with the batch's other writes ({@link BatchWrites}, see {@link BatchFlush}). A
 * dead letter being retried is a unit of work of its own, nested in the retry's: it is flushed on its own, so that
 * its success or failure is its own. A handler called outside any unit of work (a test, a tool) gets a batch of its
 * own, written at once in a transaction of its own.
 */
@Component
public class DirectoryBatches {

    /**
     * A resource that marks a unit of work running inside a longer transaction (a rebuild's chunks): its savepoint is
     * released after its writes, instead of ending with a transaction of its own.
     */
    public static final String IN_LONGER_TRANSACTION = DirectoryBatches.class.getName() + ".inLongerTransaction";
    private static final String FLUSH = BatchFlush.class.getName();

    private final DirectoryStore store;
    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final ParkedUsers parked;

    DirectoryBatches(DirectoryStore store, PlatformTransactionManager transactions, DataSource dataSource,
                     ParkedUsers parked) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.dataSource = dataSource;
        this.parked = parked;
    }

    /**
     * The account of a live user as the current batch sees it (so an audit row of a user created earlier in the
     * same batch finds it), or null when the user has no row.
     */
    public UUID accountOf(UUID userId) {
        if (CurrentUnitOfWork.isStarted()) {
            return current().accountOf(userId);
        }
        return new DirectoryBatch(store, null).accountOf(userId);
    }

    /**
     * The writes {@code key} of the current unit of work (made by {@code create} on first use), written with the
     * directory's rows when it flushes. Only inside a unit of work.
     */
    public <T extends BatchWrites> T writes(String key, Supplier<T> create) {
        return flush(flushedUnit()).part(key, create);
    }

    void apply(Consumer<DirectoryBatch> change) {
        if (CurrentUnitOfWork.isStarted()) {
            change.accept(current());
            return;
        }
        DirectoryBatch batch = new DirectoryBatch(store, null);
        transactions.executeWithoutResult(status -> {
            change.accept(batch);
            batch.write(user -> true);
        });
    }

    private DirectoryBatch current() {
        UnitOfWork<?> unit = flushedUnit();
        return flush(unit).part(DirectoryBatch.class.getName(),
                () -> new DirectoryBatch(store, () -> usersToLoad(unit)));
    }

    /** The flush of {@code unit}, created (and registered to run before it commits) on first use. */
    private BatchFlush flush(UnitOfWork<?> unit) {
        return unit.getOrComputeResource(FLUSH, key -> {
            BatchFlush.Mode mode = unit.getResource(DeadLetter.class.getName()) != null ? BatchFlush.Mode.DEAD_LETTER
                    : unit.getResource(IN_LONGER_TRANSACTION) != null ? BatchFlush.Mode.BATCH_IN_LONGER_TRANSACTION
                    : BatchFlush.Mode.BATCH;
            BatchFlush flush = new BatchFlush(unit, mode, dataSource, parked);
            unit.onPrepareCommit(u -> flush.flush());
            return flush;
        });
    }

    /**
     * The unit of work whose writes are flushed together: the root one (the processor's batch), or the one of the
     * dead letter being retried (Axon's retry nests each letter's unit of work in one of its own, and puts the
     * letter in its resources).
     */
    private static UnitOfWork<?> flushedUnit() {
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        return current.getResource(DeadLetter.class.getName()) != null ? current : current.root();
    }

    /**
     * Every user the batch's events name, except those whose first event in it is their creation (their row starts
     * from that event): loaded in one query when the first of them is needed.
     */
    private static Collection<UUID> usersToLoad(UnitOfWork<?> root) {
        if (!(root instanceof BatchingUnitOfWork<?> batch)) {
            return List.of();
        }
        Map<UUID, Boolean> createdFirst = new HashMap<>();
        List<UUID> load = new ArrayList<>();
        for (Message<?> message : batch.getMessages()) {
            if (message.getPayload() instanceof UserEvent event
                    && createdFirst.putIfAbsent(event.userId(), event instanceof UserCreated) == null
                    && !(event instanceof UserCreated)) {
                load.add(event.userId());
            }
        }
        return load;
    }
}
