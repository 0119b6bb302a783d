package dev.users.query.owner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Reads {@code account_owner_view}. */
@Component
public class AccountOwnerRows {

    private final JdbcClient jdbc;

    public AccountOwnerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's owner; null when it has none. */
    public UUID ownerOf(UUID accountId) {
        return jdbc.sql("select user_id from account_owner_view where account_id = ?").param(accountId)
                .query(UUID.class).optional().orElse(null);
    }
}
