package dev.users.app.feed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The highest event position below which no event can still appear: what the feed and the stream may hand out.
 * Positions (the global index, a sequence value) are taken in one order and committed in another, so a committed
 * position M says nothing about a lower one still in flight. But every append takes its position inside its INSERT,
 * after its transaction took RowExclusiveLock on {@code domainevententry}, and keeps that lock until it ends. So
 * after reading M, every transaction that may still commit a position at or below M holds that lock at the moment of
 * the next read of {@code pg_locks} (it took the lock before taking its position, which came before M was taken and
 * committed); once that snapshot of holders is gone, everything at or below M is final. Holders that arrive later
 * take positions above M, so constant load never stalls it: only the snapshot is waited for, and only briefly; a
 * holder that stays longer (a long transaction) keeps the position where it was until it ends, without holding up
 * the caller more than {@code WAIT_NANOS}.
 *
 * <p>Reads of many callers share one computation: a caller that arrives while one runs waits for the next one that
 * starts after it arrived (a reading taken before a caller arrived might not include events it has just seen
 * committed).
 */
@Component
public class SafePosition {

    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final String MAX = "select coalesce(max(globalindex), 0) from domainevententry";
    private static final String HOLDERS = "select virtualtransaction from pg_locks"
            + " where locktype = 'relation' and relation = 'domainevententry'::regclass"
            + " and mode = 'RowExclusiveLock' and pid <> pg_backend_pid()";

    private final JdbcClient jdbc;
    private final ReentrantLock computing = new ReentrantLock();
    /** Readings whose holders were still there, oldest first; each holds every holder of the ones before it. */
    private final Deque<Reading> pending = new ArrayDeque<>();
    private volatile long safe;
    private boolean computed;
    private long lastStartedAt;

    public SafePosition(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Reading(long position, Set<String> holders) {
    }

    /** The safe position now: every event at or below it has committed or never will. */
    public long current() {
        long arrived = System.nanoTime();
        computing.lock();
        try {
            if (computed && lastStartedAt - arrived > 0) {
                return safe;
            }
            computed = true;
            lastStartedAt = System.nanoTime();
            compute();
            return safe;
        } finally {
            computing.unlock();
        }
    }

    private void compute() {
        long max = jdbc.sql(MAX).query(Long.class).single();
        Set<String> holders = holders();
        if (max > safe) {
            pending.addLast(new Reading(max, holders));
        }
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            clearFinished(holders);
            if (pending.isEmpty() || System.nanoTime() - deadline > 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(RECHECK_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            holders = holders();
        }
    }

    /** Moves the safe position up to the newest reading none of whose holders is still there. */
    private void clearFinished(Set<String> live) {
        while (!pending.isEmpty()) {
            Reading oldest = pending.peekFirst();
            if (oldest.holders().stream().anyMatch(live::contains)) {
                return;
            }
            pending.removeFirst();
            safe = Math.max(safe, oldest.position());
        }
    }

    private Set<String> holders() {
        List<String> rows = jdbc.sql(HOLDERS).query(String.class).list();
        return new HashSet<>(rows);
    }
}
