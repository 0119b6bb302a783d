package dev.users.query.owner;

import dev.users.events.AccountOwnershipTransferred;
import dev.users.events.UserErased;
import dev.users.events.UserRemoved;
import dev.users.query.directory.UserDirectoryProjection;
import dev.users.query.list.SqlValues;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * {@code account_owner_view}: each account's owner, for the account user's {@code owner} flag. In the directory's
 * group so that the transfer's read-your-writes answer (which waits for the directory) already shows the owner.
 * A later transfer wins by its time, whatever order a rebuild replays the users in.
 */
@Component
@ProcessingGroup(UserDirectoryProjection.GROUP)
public class AccountOwnerProjection {

    private final JdbcClient jdbc;

    public AccountOwnerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(AccountOwnershipTransferred event, @Timestamp Instant at) {
        jdbc.sql("""
                        insert into account_owner_view (account_id, user_id, transferred_at) values (:account, :user, :at)
                        on conflict (account_id) do update set user_id = excluded.user_id,
                            transferred_at = excluded.transferred_at
                        where account_owner_view.transferred_at <= excluded.transferred_at""")
                .param("account", event.accountId())
                .param("user", event.userId())
                .param("at", SqlValues.timestamp(event.at() == null ? at : event.at()))
                .update();
    }

    /** Only possible for an owner removed before ownership existed as a rule; the account then has none. */
    @EventHandler
    public void on(UserRemoved event) {
        jdbc.sql("delete from account_owner_view where user_id = ?").param(event.userId()).update();
    }

    /** The owner cannot be erased (as it cannot be removed); a view row of an older store still goes. */
    @EventHandler
    public void on(UserErased event) {
        jdbc.sql("delete from account_owner_view where user_id = ?").param(event.userId()).update();
    }

    @ResetHandler
    public void reset() {
        jdbc.sql("truncate account_owner_view").update();
    }
}
