package dev.users.command.infra;

import dev.users.command.domain.AccountOwners;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link AccountOwners} on {@code account_owners} (V21). */
@Component
public class JdbcAccountOwners implements AccountOwners {

    private final JdbcTemplate jdbc;

    public JdbcAccountOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> transferTo(UUID accountId, UUID userId) {
        // the row lock taken by FOR UPDATE orders two concurrent transfers of one account
        List<UUID> previous = jdbc.queryForList("select user_id from account_owners where account_id = ? for update",
                UUID.class, accountId);
        jdbc.update("insert into account_owners (account_id, user_id) values (?, ?)"
                + " on conflict (account_id) do update set user_id = excluded.user_id", accountId, userId);
        return previous.stream().findFirst();
    }

    @Override
    public boolean isOwner(UUID accountId, UUID userId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from account_owners where account_id = ? and user_id = ?)", Boolean.class,
                accountId, userId));
    }
}
