package dev.users.query.history;

import dev.users.events.UserCreated;
import dev.users.query.directory.UserFold;
import dev.users.query.directory.UserRow;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user as it was, rebuilt from its stored events only ({@link UserFold}), never from a read model: empty before
 * its creation and for another account's or an unknown user; after its removal, the state just before it.
 */
@Component
public class PastStates {

    private final UserEventLog events;

    public PastStates(UserEventLog events) {
        this.events = events;
    }

    /** The state after the events {@code asOf} includes. */
    Optional<PastState> of(UUID accountId, UUID userId, AsOf asOf) {
        List<RecordedEvent> stream = events.ofUser(userId);
        if (!ofAccount(stream, accountId)) {
            return Optional.empty();
        }
        UserFold fold = new UserFold();
        for (RecordedEvent event : stream) {
            if (!asOf.includes(event)) {
                break; // sequence and store time grow together within one user's stream
            }
            fold.apply(event.payload(), event.sequence(), event.occurredAt());
        }
        return fold.state().map(row -> new PastState(row, fold.removedAt().orElse(null)));
    }

    /** The user's current state from its events alone, for the consistency check. */
    public Optional<PastState> now(UUID accountId, UUID userId) {
        return of(accountId, userId, new AsOf(null, Long.MAX_VALUE));
    }

    static boolean ofAccount(List<RecordedEvent> stream, UUID accountId) {
        return !stream.isEmpty() && stream.get(0).payload() instanceof UserCreated created
                && accountId.equals(created.accountId());
    }

    /** A rebuilt user and, if its events removed it, when. */
    public record PastState(UserRow row, Instant removedAt) {
    }
}
