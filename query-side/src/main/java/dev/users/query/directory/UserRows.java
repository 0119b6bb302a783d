package dev.users.query.directory;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Reads {@code user_directory} rows into {@link UserRow}s. */
@Component
public class UserRows {

    /** Maps a row selected with {@link DirectoryColumns#SELECT}. */
    static final RowMapper<UserRow> MAPPER = (rs, rowNum) -> DirectoryColumns.read(rs).toUserRow();

    private final JdbcClient jdbc;

    public UserRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user whatever its account: the caller decides what another account's user means. */
    public Optional<UserRow> find(UUID userId) {
        return jdbc.sql(DirectoryColumns.SELECT + " where user_id = ?").param(userId).query(MAPPER).optional();
    }

    public Optional<UserRow> find(UUID accountId, UUID userId) {
        return find(userId).filter(row -> row.accountId().equals(accountId));
    }

    public boolean exists(UUID accountId, UUID userId) {
        return jdbc.sql("select count(*) from user_directory where user_id = ? and account_id = ?")
                .params(userId, accountId).query(Long.class).single() > 0;
    }
}
