package dev.users.query.batch;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;
import java.util.UUID;

/**
 * The users whose events wait in the directory's dead-letter queue: one failing event parks its user, and the user's
 * later events queue up behind it, while everyone else's go on. Implemented where the queue is configured.
 */
public interface ParkedUsers {

    /**
     * Whether the user has parked events: their next writes cannot reach the read models until the dead letters are
     * retried. Answered from memory.
     */
    boolean isParked(UUID userId);

    /**
     * Parks {@code events}, the user's events of a batch whose rows the database rejected, in their order and
     * before any of them that were parked already, with {@code cause} as the reason.
     */
    void park(UUID userId, List<EventMessage<?>> events, Throwable cause);
}
