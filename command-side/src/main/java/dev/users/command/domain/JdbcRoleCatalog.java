package dev.users.command.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** {@link RoleCatalog} on the predefined names plus the {@code account_roles(account_id, name)} table. */
@Component
public class JdbcRoleCatalog implements RoleCatalog {

    private final JdbcTemplate jdbc;

    public JdbcRoleCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> roleNames(UUID accountId) {
        Set<String> names = new HashSet<>(PREDEFINED);
        names.addAll(jdbc.queryForList("select name from account_roles where account_id = ?", String.class, accountId));
        return names;
    }
}
