package dev.users.query;

import dev.users.queries.AwaitUserRemoved;
import dev.users.query.directory.DirectoryProgress;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Read-your-writes for removals: waits until the directory row of a removed user is gone. */
@Component
public class UserRemovalQueryHandler {

    private final JdbcClient jdbc;
    private final DirectoryProgress progress;
    private final Duration timeout;

    public UserRemovalQueryHandler(JdbcClient jdbc, DirectoryProgress progress,
                                   @Value("${users.read-your-writes-timeout:5s}") Duration timeout) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.timeout = timeout;
    }

    @QueryHandler
    public Boolean handle(AwaitUserRemoved query) {
        return progress.awaitUntil(() -> !present(query), timeout);
    }

    private boolean present(AwaitUserRemoved query) {
        return jdbc.sql("select count(*) from user_directory where user_id = ? and account_id = ?")
                .params(query.userId(), query.accountId()).query(Long.class).single() > 0;
    }
}
