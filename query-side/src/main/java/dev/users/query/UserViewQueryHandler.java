package dev.users.query;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.queries.FetchUserView;
import dev.users.queries.UserView;
import dev.users.query.directory.DirectoryProgress;
import dev.users.query.batch.ParkedUsers;
import dev.users.query.directory.UserRow;
import dev.users.query.owner.AccountOwnerRows;
import dev.users.query.directory.UserRows;
import dev.users.query.roles.RoleNames;
import dev.users.query.v3.V3UserRenderer;
import dev.users.query.v4.V4AccountUserRenderer;
import dev.users.query.v4.V4UserRenderer;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers writers that want to show the user they just changed (read-your-writes): waits until the directory
 * has applied the write's version, then renders the user in the asked surface (v4 user, v4 account user or v3
 * user). The directory is updated by an asynchronous processor: the row is read once that processor reports the
 * version committed ({@link DirectoryProgress}), and the wait gives up with NOT_READY after
 * {@code users.read-your-writes-timeout} (the writer then answers 202), or as soon as the row lacks the version
 * while the user's events are parked in the dead-letter queue: the write cannot show before they are retried.
 */
@Component
public class UserViewQueryHandler {

    private final UserRows rows;
    private final RoleNames roles;
    private final DirectoryProgress progress;
    private final ParkedUsers parked;
    private final Duration timeout;
    private final AccountOwnerRows owners;

    @Autowired
    public UserViewQueryHandler(UserRows rows, RoleNames roles, DirectoryProgress progress, ParkedUsers parked,
                                ReadSettings settings, AccountOwnerRows owners) {
        this(rows, roles, progress, parked, settings.readYourWritesTimeout(), owners);
    }

    public UserViewQueryHandler(UserRows rows, RoleNames roles, DirectoryProgress progress, ParkedUsers parked,
                                Duration timeout, AccountOwnerRows owners) {
        this.owners = owners;
        this.rows = rows;
        this.roles = roles;
        this.progress = progress;
        this.parked = parked;
        this.timeout = timeout;
    }

    @QueryHandler
    public UserView handle(FetchUserView query) {
        UserRow row = await(query);
        return new UserView(render(query, row), row.version());
    }

    private Map<String, Object> render(FetchUserView query, UserRow row) {
        return switch (query.surface()) {
            case V4_USER -> V4UserRenderer.render(row);
            case V4_ACCOUNT_USER -> V4AccountUserRenderer.render(row, roles.catalog(row.accountId()),
                    owners.ownerOf(row.accountId()));
            case V3_USER -> V3UserRenderer.render(row);
        };
    }

    private UserRow await(FetchUserView query) {
        AtomicReference<UserRow> found = new AtomicReference<>();
        boolean caughtUp = progress.awaitVersion(query.userId(), query.minVersion(), () -> {
            Optional<UserRow> row = rows.find(query.userId());
            if (row.isPresent() && !row.get().accountId().equals(query.accountId())) {
                throw notFound(query);
            }
            if (query.minVersion() < 0) {
                found.set(row.orElseThrow(() -> notFound(query)));
            } else {
                row.filter(r -> r.version() >= query.minVersion()).ifPresent(found::set);
                if (found.get() == null && parked.isParked(query.userId())) {
                    throw notReady(query, "its events are parked in the dead-letter queue");
                }
            }
            return found.get() != null;
        }, timeout);
        if (!caughtUp) {
            // the write happened; only the read model is behind (or the row is not there yet)
            throw notReady(query, "after " + timeout.toMillis() + " ms");
        }
        return found.get();
    }

    private static UsersException notReady(FetchUserView query, String why) {
        return new UsersException(ErrorCode.NOT_READY, "user " + query.userId() + " is not up to date in reads yet"
                + " (version " + query.minVersion() + ", " + why + ")");
    }

    private static UsersException notFound(FetchUserView query) {
        return new UsersException(ErrorCode.NOT_FOUND, "user " + query.userId() + " not found");
    }
}
