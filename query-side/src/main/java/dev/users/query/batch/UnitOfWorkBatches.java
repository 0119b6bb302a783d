package dev.users.query.batch;

import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands the read models' handlers what their unit of work has collected so far ({@link BatchWrites}, one of each
 * kind): one unit of work is the event processor's batch transaction, and everything collected in it is written in
 * that transaction just before it commits ({@link BatchFlush}), i.e. together with the processor's token. A dead
 * letter being retried is a unit of work of its own, nested in the retry's: it is flushed on its own, so that its
 * success or failure is its own. A handler called outside any unit of work (a test, a tool) gets writes of its own,
 * written at once in a transaction of their own.
 */
@Component
public class UnitOfWorkBatches {

    /**
     * A resource that marks a unit of work running inside a longer transaction (a rebuild's chunks): its savepoint is
     * released after its writes, instead of ending with a transaction of its own.
     */
    public static final String IN_LONGER_TRANSACTION = UnitOfWorkBatches.class.getName() + ".inLongerTransaction";
    private static final String FLUSH = BatchFlush.class.getName();

    private final TransactionTemplate transactions;
    private final DataSource dataSource;
    private final ParkedUsers parked;

    UnitOfWorkBatches(PlatformTransactionManager transactions, DataSource dataSource, ParkedUsers parked) {
        this.transactions = new TransactionTemplate(transactions);
        this.dataSource = dataSource;
        this.parked = parked;
    }

    /**
     * Applies {@code change} to the current unit of work's writes of {@code kind}, made by {@code create} on first
     * use (given the unit of work whose writes they are; null outside one).
     */
    public <T extends BatchWrites> void apply(Class<T> kind, Function<UnitOfWork<?>, T> create, Consumer<T> change) {
        if (CurrentUnitOfWork.isStarted()) {
            change.accept(current(kind, create));
            return;
        }
        T writes = create.apply(null);
        transactions.executeWithoutResult(status -> {
            change.accept(writes);
            writes.write(user -> true);
        });
    }

    /** What {@code read} finds in the current unit of work's writes of {@code kind}; outside one, in new ones. */
    public <T extends BatchWrites, R> R read(Class<T> kind, Function<UnitOfWork<?>, T> create, Function<T, R> read) {
        return read.apply(CurrentUnitOfWork.isStarted() ? current(kind, create) : create.apply(null));
    }

    private <T extends BatchWrites> T current(Class<T> kind, Function<UnitOfWork<?>, T> create) {
        UnitOfWork<?> unit = flushedUnit();
        return flush(unit).part(kind.getName(), () -> create.apply(unit));
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
}
