package dev.users.query.history;

import dev.users.query.directory.UserFold;
import dev.users.query.directory.UserRow;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A user as it was, rebuilt from its stored events only ({@link UserFold}), never from a read model: empty before
 * its creation and for another account's or an unknown user; after its removal, the state just before it.
 */
@Component
public class PastStates {

    private final HistoryIndex index;
    private final UserReplays replays;

    PastStates(HistoryIndex index, UserReplays replays) {
        this.index = index;
        this.replays = replays;
    }

    /** The state after the events {@code asOf} includes (sequence and store time grow together in one stream). */
    Optional<PastState> of(UUID accountId, UUID userId, AsOf asOf) {
        if (!index.isOf(userId, accountId)) {
            return Optional.empty();
        }
        OptionalLong last = asOf.instant() != null ? index.lastAt(userId, asOf.instant()) : index.last(userId);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        long through = asOf.instant() != null ? last.getAsLong() : Math.min(asOf.version(), last.getAsLong());
        UserFold fold = replays.before(userId, through + 1);
        replays.replay(userId, fold, through, (event, after) -> { });
        return fold.state().map(row -> new PastState(row, fold.removedAt().orElse(null)));
    }

    /** The user's current state from its events alone, for the consistency check. */
    public Optional<PastState> now(UUID accountId, UUID userId) {
        return of(accountId, userId, new AsOf(null, Long.MAX_VALUE));
    }

    /** A rebuilt user and, if its events removed it, when. */
    public record PastState(UserRow row, Instant removedAt) {
    }
}
