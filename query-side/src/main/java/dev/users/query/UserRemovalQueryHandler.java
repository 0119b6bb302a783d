package dev.users.query;

import dev.users.queries.AwaitUserRemoved;
import dev.users.query.directory.DirectoryProgress;
import dev.users.query.directory.UserRows;
import dev.users.query.batch.ParkedUsers;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Read-your-writes for removals: waits until the directory row of a removed user is gone, or gives up at once when
 * the user's events are parked in the dead-letter queue (the removal is parked behind them).
 */
@Component
public class UserRemovalQueryHandler {

    private final UserRows rows;
    private final DirectoryProgress progress;
    private final ParkedUsers parked;
    private final Duration timeout;

    public UserRemovalQueryHandler(UserRows rows, DirectoryProgress progress, ParkedUsers parked,
                                   ReadSettings settings) {
        this.rows = rows;
        this.progress = progress;
        this.parked = parked;
        this.timeout = settings.readYourWritesTimeout();
    }

    /** True when the row is gone; false when the wait gave up (timed out, or the user's events are parked). */
    @QueryHandler
    public Boolean handle(AwaitUserRemoved query) {
        AtomicBoolean parkedUser = new AtomicBoolean();
        boolean ended = progress.awaitUntil(() -> {
            if (!rows.exists(query.accountId(), query.userId())) {
                return true;
            }
            parkedUser.set(parked.isParked(query.userId()));
            return parkedUser.get();
        }, timeout);
        return ended && !parkedUser.get();
    }
}
