package dev.users.command.infra;

import dev.users.command.domain.EmailClaims;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link EmailClaims} on the {@code email_claims(address, user_id)} table. */
@Component
public class JdbcEmailClaims implements EmailClaims {

    private final JdbcTemplate jdbc;

    public JdbcEmailClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String address, UUID userId) {
        int inserted;
        try {
            // ON CONFLICT DO NOTHING waits for a concurrent claimer's transaction and does not abort ours.
            inserted = jdbc.update(
                    "insert into email_claims (address, user_id) values (?, ?) on conflict (address) do nothing",
                    address, userId);
        } catch (DuplicateKeyException e) {
            throw taken(address);
        }
        if (inserted == 0) {
            List<UUID> owners = jdbc.queryForList(
                    "select user_id from email_claims where address = ?", UUID.class, address);
            if (!owners.contains(userId)) {
                throw taken(address);
            }
        }
    }

    @Override
    public void release(String address, UUID userId) {
        jdbc.update("delete from email_claims where address = ? and user_id = ?", address, userId);
    }

    @Override
    public Optional<UUID> holder(String address) {
        return jdbc.queryForList("select user_id from email_claims where address = ?", UUID.class, address).stream()
                .findFirst();
    }

    @Override
    public void releaseAll(UUID userId) {
        jdbc.update("delete from email_claims where user_id = ?", userId);
    }

    private static UsersException taken(String address) {
        return new UsersException(ErrorCode.CONFLICT, "email " + address + " is already taken");
    }
}
