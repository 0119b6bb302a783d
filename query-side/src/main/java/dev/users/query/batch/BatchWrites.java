package dev.users.query.batch;

import java.util.Collection;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One kind of write that the handlers of a batch collect in memory, per user, and that the batch writes when it
 * flushes ({@link BatchFlush}): all users together, or, when the database rejects that, one user's share at a time.
 */
public interface BatchWrites {

    /** The users this holds something to write for. */
    Collection<UUID> users();

    /** Writes what this holds for the users {@code only} accepts; may be called again for the same users. */
    void write(Predicate<UUID> only);
}
