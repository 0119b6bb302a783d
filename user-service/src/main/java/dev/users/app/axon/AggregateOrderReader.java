package dev.users.app.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.postgresql.PGStatement;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads every stored event in aggregate order on a thread of its own, deserialized, in chunks that end between two
 * aggregates where they can, so that a rebuild handles one chunk while the next is read and deserialized (the
 * JVM's work then overlaps PostgreSQL's). The events are those of one statement, hence one snapshot,
 * on a connection of its own: the store is streamed {@code fetchSize} rows at a time, never loaded whole.
 */
final class AggregateOrderReader implements Runnable {

    private static final String EVENTS = "select " + StoredEvents.COLUMNS + " from domainevententry"
            + " order by aggregateidentifier, sequencenumber";
    /** Chunks read ahead of the one being handled: enough to keep both threads busy, little memory. */
    private static final int AHEAD = 1;

    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final int fetchSize;
    private final int chunkSize;
    private final BlockingQueue<List<DomainEventMessage<?>>> chunks = new ArrayBlockingQueue<>(AHEAD);
    private final SeenIndexes seen = new SeenIndexes();
    private volatile Throwable failure;

    AggregateOrderReader(DataSource dataSource, Serializer serializer, EventUpcaster upcasters, int fetchSize,
                         int chunkSize) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.fetchSize = fetchSize;
        this.chunkSize = chunkSize;
    }

    /** The next chunk, or an empty list after the last one. */
    List<DomainEventMessage<?>> next() throws InterruptedException {
        List<DomainEventMessage<?>> chunk = chunks.take();
        if (chunk.isEmpty() && failure != null) {
            throw new IllegalStateException("Reading the event store failed", failure);
        }
        return chunk;
    }

    /** The indexes of every event read; complete once {@link #next()} returned the empty list. */
    SeenIndexes seen() {
        return seen;
    }

    @Override
    public void run() {
        try {
            read();
            chunks.put(List.of()); // the end
        } catch (InterruptedException e) {
            // the rebuild gave up: nobody takes what comes next
        } catch (Throwable e) {
            failure = e;
            chunks.clear(); // the rebuild stops at the failure, not after the chunks before it
            chunks.offer(List.of());
        }
    }

    private void read() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            // without a transaction PostgreSQL's driver would fetch every row at once
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(EVENTS)) {
                statement.setFetchSize(fetchSize);
                // run once, the statement would be unnamed, its rows sent as text: each payload byte as two hex
                // digits to decode; forced binary, the driver gets the bytes as they are
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                try (ResultSet rs = statement.executeQuery()) {
                    List<DomainEventData<?>> chunk = new ArrayList<>(chunkSize);
                    String lastAggregate = null;
                    while (rs.next()) {
                        String aggregate = rs.getString("aggregateidentifier");
                        // a user's events in one chunk if possible: the rebuild folds them into one row write
                        if (chunk.size() >= 4 * chunkSize
                                || chunk.size() >= chunkSize && !aggregate.equals(lastAggregate)) {
                            chunks.put(deserialized(chunk));
                            chunk = new ArrayList<>(chunkSize);
                        }
                        lastAggregate = aggregate;
                        seen.add(rs.getLong("globalindex"));
                        chunk.add(StoredEvents.entry(rs));
                    }
                    if (!chunk.isEmpty()) {
                        chunks.put(deserialized(chunk));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** Deserialized here, on the reading thread, rather than lazily by the handlers on the rebuilding one. */
    private List<DomainEventMessage<?>> deserialized(List<DomainEventData<?>> entries) {
        return StoredEvents.deserialized(entries, serializer, upcasters);
    }
}
