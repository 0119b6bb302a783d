package dev.users.app.axon;

import org.axonframework.eventhandling.GapAwareTrackingToken;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The global indexes of the events a read of the store saw, in any order, and the gap-aware token that reaches the
 * highest of them. Only indexes close to the highest one are remembered: like Axon's JDBC storage engine (its
 * {@code maxGapOffset}), the token gives up on gaps further behind, so a store of any size costs a bounded set.
 */
final class SeenIndexes {

    /** Axon's {@code JdbcEventStorageEngine} default {@code maxGapOffset}. */
    static final int MAX_GAP_OFFSET = 10_000;

    private final TreeSet<Long> recent = new TreeSet<>();
    private long count;
    private long lowest = Long.MAX_VALUE;
    private long highest = Long.MIN_VALUE;

    void add(long index) {
        count++;
        lowest = Math.min(lowest, index);
        if (index > highest) {
            highest = index;
            recent.headSet(highest - MAX_GAP_OFFSET, true).clear();
        }
        if (index > highest - MAX_GAP_OFFSET) {
            recent.add(index);
        }
    }

    long count() {
        return count;
    }

    /** The token after every index seen, whose gaps are the unseen indexes near the highest; null if none was seen. */
    GapAwareTrackingToken token() {
        if (count == 0) {
            return null;
        }
        List<Long> gaps = new ArrayList<>();
        for (long index = Math.max(lowest, highest - MAX_GAP_OFFSET + 1); index < highest; index++) {
            if (!recent.contains(index)) {
                gaps.add(index);
            }
        }
        return GapAwareTrackingToken.newInstance(highest, gaps);
    }
}
