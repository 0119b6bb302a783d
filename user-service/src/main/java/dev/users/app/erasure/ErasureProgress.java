package dev.users.app.erasure;

import dev.users.query.ReadSettings;
import dev.users.query.directory.DirectoryProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * Read-your-writes for an erasure: waits until the read models hold nothing of the person any more (their
 * directory row, memberships and sign-ins), which the read models' processor deletes when it applies
 * {@code UserErased}.
 */
@Component
class ErasureProgress {

    private static final String LEFT = "select exists (select 1 from user_directory where user_id = ?)"
            + " or exists (select 1 from account_memberships where user_id = ?)"
            + " or exists (select 1 from sign_in_audit where user_id = ?)";

    private final JdbcTemplate jdbc;
    private final DirectoryProgress progress;
    private final Duration timeout;

    ErasureProgress(JdbcTemplate jdbc, DirectoryProgress progress,
                    ReadSettings settings) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.timeout = settings.readYourWritesTimeout();
    }

    /** True when the read models forgot the person within the read-your-writes timeout. */
    boolean awaitForgotten(UUID userId) {
        return progress.awaitUntil(() -> !jdbc.queryForObject(LEFT, Boolean.class, userId, userId, userId), timeout);
    }
}
