package dev.users.query.roles;

import dev.users.roles.PredefinedRoles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An account's role catalog as the read side shows it: the predefined roles in their fixed order, then the account's
 * own by creation (name breaks ties). {@code account_roles} is account configuration, written directly by the
 * command side and not event-sourced, so it is read where it is rather than projected.
 */
@Component
public class RoleNames {

    private final JdbcClient jdbc;

    public RoleNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every role name of the account's catalog, in catalog order, each once. */
    public List<String> catalog(UUID accountId) {
        Set<String> names = new LinkedHashSet<>(PredefinedRoles.names());
        names.addAll(jdbc.sql("select name from account_roles where account_id = ? order by created_at, name")
                .param(accountId).query(String.class).list());
        return List.copyOf(names);
    }
}
