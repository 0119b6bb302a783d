package dev.users.app.auth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** The accounts users belong to. This service has no account API yet: the first start creates one. */
@Component
public class Accounts {

    private final JdbcClient jdbc;

    public Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
