package dev.users.query;

import dev.users.queries.AwaitUserRemoved;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Read-your-writes for removals: waits until the directory row of a removed user is gone. */
@Component
public class UserRemovalQueryHandler {

    private final JdbcClient jdbc;
    private final Duration timeout;

    public UserRemovalQueryHandler(JdbcClient jdbc, @Value("${users.read-your-writes-timeout:5s}") Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    @QueryHandler
    public Boolean handle(AwaitUserRemoved query) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long park = 1_000_000;
        while (present(query)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(park);
            park = Math.min(park * 2, 5_000_000);
        }
        return true;
    }

    private boolean present(AwaitUserRemoved query) {
        return jdbc.sql("select count(*) from user_directory where user_id = ? and account_id = ?")
                .params(query.userId(), query.accountId()).query(Long.class).single() > 0;
    }
}
