package dev.users.query.membership;

import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.queries.FetchMembershipView;
import dev.users.query.directory.DirectoryProgress;
import dev.users.query.directory.UserRow;
import dev.users.query.directory.UserRows;
import dev.users.query.roles.RoleNames;
import dev.users.query.v4.V4AccountUserRenderer;
import org.axonframework.queryhandling.QueryHandler;
import dev.users.query.ReadSettings;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Read-your-writes for a membership's writes, as {@code UserViewQueryHandler} does for users: waits until the
 * membership shows the write's version (the person's events are tracked as any user's), then renders it as the
 * membership's account sees it; NOT_READY after {@code users.read-your-writes-timeout} (the writer answers 202).
 */
@Component
public class MembershipViewQueryHandler {

    private final MembershipRows memberships;
    private final UserRows rows;
    private final RoleNames roles;
    private final DirectoryProgress progress;
    private final Duration timeout;

    public MembershipViewQueryHandler(MembershipRows memberships, UserRows rows, RoleNames roles,
                                      DirectoryProgress progress, ReadSettings settings) {
        this.memberships = memberships;
        this.rows = rows;
        this.roles = roles;
        this.progress = progress;
        this.timeout = settings.readYourWritesTimeout();
    }

    /** A raw {@code Map}, for the reason {@code UserViewQueryHandler} gives. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Map handle(FetchMembershipView query) {
        AtomicReference<Map<String, Object>> shown = new AtomicReference<>();
        boolean caughtUp = progress.awaitVersion(query.userId(), query.minVersion(), () -> {
            Optional<MembershipRow> membership = memberships.find(query.accountId(), query.membershipId())
                    .filter(m -> m.version() >= query.minVersion());
            Optional<UserRow> person = membership.flatMap(m -> rows.find(m.userId()));
            person.ifPresent(p -> shown.set(V4AccountUserRenderer.render(membership.get(), p,
                    roles.catalog(query.accountId()))));
            return shown.get() != null;
        }, timeout);
        if (!caughtUp) {
            throw new UsersException(ErrorCode.NOT_READY, "account user " + query.membershipId()
                    + " is not up to date in reads yet (version " + query.minVersion() + ")");
        }
        return shown.get();
    }
}
