package dev.users.app.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The accounts users belong to: the first start creates one, the operator the others ({@link AccountsController}). */
@Component
public class Accounts {

    private static final String COLUMNS = "id, name, default_region, created_at";

    private final JdbcClient jdbc;

    public Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account as the operator sees it. */
    public record Account(UUID id, String name, String defaultRegion, Instant createdAt) {
    }

    public UUID create(String name, String defaultRegion) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into accounts (id, name, default_region) values (?, ?, ?)")
                .params(id, name, defaultRegion)
                .update();
        return id;
    }

    public Optional<UUID> first() {
        return jdbc.sql("select id from accounts order by created_at, id limit 1").query(UUID.class).optional();
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from accounts where id = ?").param(id)
                .query(Accounts::account).optional();
    }

    /** The accounts, oldest first. */
    public List<Account> list(int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from accounts order by created_at, id limit ? offset ?")
                .params(limit, offset).query(Accounts::account).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from accounts").query(Long.class).single();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }
}
