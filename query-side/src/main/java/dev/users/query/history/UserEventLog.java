package dev.users.query.history;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stored events of one user, oldest first: the port through which the query side reads the event store
 * itself (never a read model) for history, past states and the consistency check. Its adapter lives in the
 * application, which owns the Axon serializer and upcasters.
 */
public interface UserEventLog {

    /**
     * The user's events after sequence number {@code after} through {@code through}, in sequence order, handed
     * over one at a time; none for an unknown user. Read a bounded number of rows at a time, so that a stream of
     * any length is never held in memory.
     */
    void replay(UUID userId, long after, long through, Consumer<RecordedEvent> each);

    /**
     * The events of several users in one read, each user's after and through its own sequence numbers, grouped by
     * user and in sequence order within each: for a page that names many users. Held in memory at once, so meant
     * for short spans ({@link UserReplays} sends longer ones to {@link #replay(UUID, long, long, Consumer)}).
     */
    void replay(Map<UUID, Span> spans, Consumer<RecordedEvent> each);

    /** The sequence numbers of a user's events to read: after {@code after}, through {@code through}. */
    record Span(long after, long through) {
    }

    /**
     * Every event that {@code where} selects (SQL over {@code event_index i} joined with the event's stored row
     * {@code domainevententry e}, with named parameters), in {@code order}, read with a cursor and handed over one
     * at a time: for exports, inside the transaction that makes the cursor ({@code CsvExport.write}).
     */
    void each(String where, Map<String, Object> params, String order, Consumer<RecordedEvent> each);
}
