package dev.users.query.directory;

import dev.users.events.UserCreated;
import dev.users.events.UserEvent;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands the directory's handlers the {@link DirectoryBatch} of the batch being processed: one per unit of work (the
 * event processor's batch transaction), flushed in that transaction just before it commits, i.e. together with the
 * processor's token. A handler called outside any unit of work (a test, a tool) gets a batch of its own, written at
 * once in a transaction of its own.
 */
@Component
public class DirectoryBatches {

    private final DirectoryStore store;
    private final TransactionTemplate transactions;

    DirectoryBatches(DirectoryStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
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

    void apply(Consumer<DirectoryBatch> change) {
        if (CurrentUnitOfWork.isStarted()) {
            change.accept(current());
            return;
        }
        DirectoryBatch batch = new DirectoryBatch(store, null);
        transactions.executeWithoutResult(status -> {
            change.accept(batch);
            batch.flush();
        });
    }

    private DirectoryBatch current() {
        return perUnitOfWork(DirectoryBatch.class.getName(),
                root -> new DirectoryBatch(store, () -> usersToLoad(root)), DirectoryBatch::flush);
    }

    /**
     * The resource {@code key} of the current root unit of work, created on first use, when {@code flush} is also
     * registered to run once the batch has been handled, before its transaction commits.
     */
    public static <T> T perUnitOfWork(String key, Function<UnitOfWork<?>, T> create, Consumer<T> flush) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            T batch = create.apply(root);
            root.onPrepareCommit(u -> flush.accept(batch));
            return batch;
        });
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
