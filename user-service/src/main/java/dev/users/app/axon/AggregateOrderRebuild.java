package dev.users.app.axon;

import dev.users.query.batch.UnitOfWorkBatches;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Builds a processor's read models from nothing by reading the event store once in aggregate order
 * ({@link AggregateOrderReader}) and handing the events in chunks to the processor's own handlers, one unit of work
 * per chunk. In the store's global order a user's events lie far apart (every user is created, then every user
 * signs in, …), so each event of a replay costs a row write of its own; in aggregate order a chunk holds each user's
 * events together, and the handlers' batching ({@code DirectoryBatch}) folds a user's whole history into one row
 * write.
 * <p>
 * The writes run in the caller's transaction (the one in which the processor stores its first token), so the read
 * models and the token that says how far they reach commit together, or not at all. The handlers are the
 * processor's dead-lettering ones: an event that fails parks its user (in the same transaction) as it would in the
 * processor, and so does a user whose rows PostgreSQL rejects when a chunk is written. The token reaches the highest
 * index read; indexes below it that the reader's snapshot lacked (appends still in flight, or rolled back) are its
 * gaps, which the processor then reads as usual.
 */
final class AggregateOrderRebuild {

    private static final Logger log = LoggerFactory.getLogger(AggregateOrderRebuild.class);

    /**
     * Events per unit of work: enough that most users' histories fall in one chunk (one row write each), few enough
     * that the chunks in flight stay in the young generation. Larger chunks were a little faster, but they were
     * promoted and grew the heap to its maximum.
     */
    private static final int CHUNK = 500;
    /**
     * For this transaction only: the search index's pending list may grow to 4 MB before it is merged into the tree,
     * instead of the 256 kB the service's connections keep (V12), so that a build merges it a few large times rather
     * than after every few chunks.
     */
    private static final String BULK_SETTINGS = "set local gin_pending_list_limit = '4MB'";

    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final int fetchSize;

    AggregateOrderRebuild(DataSource dataSource, Serializer serializer, EventUpcaster upcasters, int fetchSize) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.fetchSize = fetchSize;
    }

    /**
     * Hands every stored event to {@code handlers}, a user's events in sequence order and together, as long as
     * {@code running} holds (the processor is not shutting down).
     *
     * @return the token after the events read, or null when the store has none
     */
    TrackingToken rebuild(String processor, EventHandlerInvoker handlers, BooleanSupplier running)
            throws InterruptedException {
        long start = System.nanoTime();
        log.info("Processor {} starts without a token: building its read models from the event store", processor);
        new JdbcTemplate(dataSource).execute(BULK_SETTINGS);
        AggregateOrderReader reader = new AggregateOrderReader(dataSource, serializer, upcasters, fetchSize, CHUNK);
        Thread reading = new Thread(reader, processor + "-rebuild-reader");
        reading.setDaemon(true);
        reading.start();
        try {
            for (List<DomainEventMessage<?>> chunk = reader.next(); !chunk.isEmpty(); chunk = reader.next()) {
                if (!running.getAsBoolean()) {
                    // Axon waits only a second for a starting processor to stop: give up, and the transaction takes
                    // back what was written so far
                    throw new IllegalStateException("Processor " + processor + " stopped while building its read"
                            + " models; the build starts over at its next start");
                }
                handle(chunk, handlers);
            }
        } finally {
            reading.interrupt(); // nothing when it has finished; otherwise this rebuild gave up, and so does it
            reading.join();
        }
        SeenIndexes seen = reader.seen();
        TrackingToken token = seen.token();
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("Processor {} built its read models from {} events in {} s ({} events/s); it continues from {}",
                processor, seen.count(), String.format("%.1f", seconds),
                Math.round(seen.count() / Math.max(seconds, 1e-3)), token);
        return token;
    }

    private static void handle(List<DomainEventMessage<?>> messages, EventHandlerInvoker handlers) {
        BatchingUnitOfWork<DomainEventMessage<?>> unit = new BatchingUnitOfWork<>(messages);
        unit.resources().put(UnitOfWorkBatches.IN_LONGER_TRANSACTION, true);
        ResultMessage<?> result = unit.executeWithResult(() -> {
            handlers.handle(unit.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Read model rebuild failed", cause);
        }
    }
}
