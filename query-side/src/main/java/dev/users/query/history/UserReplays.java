package dev.users.query.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.users.query.directory.UserFold;
import org.springframework.stereotype.Component;

import dev.users.query.history.UserEventLog.Span;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Folds of users' events ({@link UserFold}) that start from a checkpoint instead of the creation: the fold after
 * every {@link #INTERVAL}th event of a stream, kept per node as a replay passes it. A page of a long history, a
 * past state or an audit-log entry then reads at most {@code INTERVAL} events before the ones it shows, not the
 * whole stream. A checkpoint is the fold of stored events, which never change, so it stays right until the
 * user's personal data is erased: an erasure forgets its user's checkpoints on its own node ({@link #forget}), and
 * no checkpoint is kept longer than {@link #TTL}, as long as another node may still decrypt an erased user's events.
 * A read of several users' spans ({@link #replay(Map, BiConsumer)}: an audit-log page, a later history page) also
 * keeps the fold just before the first event it shows, so the same page read again (an auditor's refresh, a console
 * polling the newest changes) folds only the events it shows, not each user's stream from its creation.
 */
@Component
public class UserReplays {

    /** Events between two checkpoints of a stream: what a read folds at most before the first event it shows. */
    static final int INTERVAL = 256;
    /** Checkpoints kept per node (each a user's state: a few kilobytes at most). */
    static final int CAPACITY = 4096;
    static final Duration TTL = Duration.ofSeconds(30);
    private static final long NOTHING_TO_KEEP = -2;
    /** The longest span of a user read together with others': at most a checkpoint interval and a page. */
    static final int TOGETHER = INTERVAL + 1000;

    private final UserEventLog events;
    private final Cache<Checkpoint, UserFold> checkpoints = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfterWrite(TTL)
            .build();
    /** Users whose checkpoints were forgotten lately (erased): no read keeps new ones for them meanwhile. */
    private final Cache<UUID, Boolean> forgotten = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfterWrite(TTL)
            .build();

    public UserReplays(UserEventLog events) {
        this.events = events;
    }

    /**
     * A fold of the user's events before sequence number {@code first} (all of them or the first part): from the
     * latest checkpoint before it, else a fold of nothing. The caller's own copy, to go on with {@link #replay}.
     */
    UserFold before(UUID userId, long first) {
        UserFold atStart = checkpoints.getIfPresent(new Checkpoint(userId, first - 1));
        if (atStart != null) {
            return atStart.copy();
        }
        for (long n = first / INTERVAL; n > 0; n--) {
            UserFold kept = checkpoints.getIfPresent(new Checkpoint(userId, n * INTERVAL - 1));
            if (kept != null) {
                return kept.copy();
            }
        }
        return new UserFold();
    }

    /**
     * Applies the user's events after the fold's last one through sequence number {@code through} to the fold,
     * handing each event with the fold after it to {@code each}, and keeps the checkpoints it passes.
     */
    void replay(UUID userId, UserFold fold, long through, BiConsumer<RecordedEvent, UserFold> each) {
        replay(userId, fold, NOTHING_TO_KEEP, through, each);
    }

    /** {@link #replay(UUID, UserFold, long, BiConsumer)}, also keeping the fold after sequence number {@code keep}. */
    private void replay(UUID userId, UserFold fold, long keep, long through, BiConsumer<RecordedEvent, UserFold> each) {
        events.replay(userId, fold.sequence(), through, event -> apply(userId, fold, keep, event, each));
    }

    /**
     * {@link #replay(UUID, UserFold, long, BiConsumer)} for several users: each fold from before its first shown
     * event through its last, keeping the fold just before the first. The users whose span is short are read in one
     * query (a page of the audit log names up to a hundred).
     */
    void replay(Map<UUID, Replay> replays, BiConsumer<RecordedEvent, UserFold> each) {
        Map<UUID, Span> together = new LinkedHashMap<>();
        replays.forEach((userId, replay) -> {
            if (replay.through() - replay.fold().sequence() <= TOGETHER) {
                together.put(userId, new Span(replay.fold().sequence(), replay.through()));
            } else {
                replay(userId, replay.fold(), replay.first() - 1, replay.through(), each);
            }
        });
        events.replay(together, event -> {
            Replay replay = replays.get(event.payload().userId());
            apply(event.payload().userId(), replay.fold(), replay.first() - 1, event, each);
        });
    }

    /** A fold to go on with, and the sequence numbers of the first and last events shown. */
    record Replay(UserFold fold, long first, long through) {
    }

    private void apply(UUID userId, UserFold fold, long keep, RecordedEvent event,
                       BiConsumer<RecordedEvent, UserFold> each) {
        fold.apply(event.payload(), event.sequence(), event.occurredAt());
        if ((event.sequence() + 1) % INTERVAL == 0 || event.sequence() == keep) {
            Checkpoint checkpoint = new Checkpoint(userId, event.sequence());
            checkpoints.asMap().putIfAbsent(checkpoint, fold.copy());
            // checked after the put: a forget either sees the checkpoint or is seen here
            if (forgotten.getIfPresent(userId) != null) {
                checkpoints.invalidate(checkpoint);
            }
        }
        each.accept(event, fold);
    }

    /**
     * Forgets every checkpoint of the user: they hold its personal data. A read that decrypted the user's events
     * before the erasure and is still folding them keeps none for {@link #TTL} from now.
     */
    public void forget(UUID userId) {
        forgotten.put(userId, Boolean.TRUE);
        dropCheckpoints(userId);
    }

    /**
     * Drops the user's checkpoints without the erasure's guard: the next reads keep new ones at once (a test reads
     * a stream from its creation with it).
     */
    public void dropCheckpoints(UUID userId) {
        checkpoints.asMap().keySet().removeIf(checkpoint -> checkpoint.userId().equals(userId));
    }

    /** How many checkpoints this node holds for the user. */
    public long checkpointsOf(UUID userId) {
        return checkpoints.asMap().keySet().stream().filter(checkpoint -> checkpoint.userId().equals(userId)).count();
    }

    /** The fold of a user's events through {@code sequence}. */
    private record Checkpoint(UUID userId, long sequence) {
    }
}
