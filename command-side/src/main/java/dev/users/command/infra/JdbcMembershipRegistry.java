package dev.users.command.infra;

import dev.users.command.domain.MembershipRegistry;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link MembershipRegistry} on {@code membership_claims} (V20). */
@Component
public class JdbcMembershipRegistry implements MembershipRegistry {

    private final JdbcTemplate jdbc;

    public JdbcMembershipRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void register(UUID membershipId, UUID userId, UUID accountId) {
        // ON CONFLICT DO NOTHING waits for a concurrent inviter's transaction and does not abort ours
        int inserted = jdbc.update("insert into membership_claims (membership_id, user_id, account_id) values (?, ?, ?)"
                + " on conflict do nothing", membershipId, userId, accountId);
        if (inserted == 0) {
            throw new UsersException(ErrorCode.CONFLICT, "the person is already invited to or a member of this account");
        }
    }

    @Override
    public void forget(UUID membershipId) {
        jdbc.update("delete from membership_claims where membership_id = ?", membershipId);
    }

    @Override
    public void forgetAll(UUID userId) {
        jdbc.update("delete from membership_claims where user_id = ?", userId);
    }

    @Override
    public Optional<UUID> personOf(UUID membershipId, UUID accountId) {
        List<UUID> found = jdbc.queryForList(
                "select user_id from membership_claims where membership_id = ? and account_id = ?", UUID.class,
                membershipId, accountId);
        return found.stream().findFirst();
    }
}
