package dev.users.query;

import dev.users.queries.AwaitUserRemoved;
import dev.users.query.directory.DirectoryProgress;
import dev.users.query.batch.ParkedUsers;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Read-your-writes for removals: waits until the directory row of a removed user is gone, or gives up at once when
 * the user's events are parked in the dead-letter queue (the removal is parked behind them).
 */
@Component
public class UserRemovalQueryHandler {

    private final JdbcClient jdbc;
    private final DirectoryProgress progress;
    private final ParkedUsers parked;
    private final Duration timeout;

    public UserRemovalQueryHandler(JdbcClient jdbc, DirectoryProgress progress, ParkedUsers parked,
                                   @Value("${users.read-your-writes-timeout:5s}") Duration timeout) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.parked = parked;
        this.timeout = timeout;
    }

    /** True when the row is gone; false when the wait gave up (timed out, or the user's events are parked). */
    @QueryHandler
    public Boolean handle(AwaitUserRemoved query) {
        AtomicBoolean parkedUser = new AtomicBoolean();
        boolean ended = progress.awaitUntil(() -> {
            if (!present(query)) {
                return true;
            }
            parkedUser.set(parked.isParked(query.userId()));
            return parkedUser.get();
        }, timeout);
        return ended && !parkedUser.get();
    }

    private boolean present(AwaitUserRemoved query) {
        return jdbc.sql("select count(*) from user_directory where user_id = ? and account_id = ?")
                .params(query.userId(), query.accountId()).query(Long.class).single() > 0;
    }
}
