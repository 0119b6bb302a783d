package dev.users.command.infra;

import dev.users.command.domain.RoleCatalog;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.roles.PredefinedRoles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An account's role catalog on the {@code account_roles(account_id, name, description, id)} table: the predefined
 * roles every account has, then the roles the account added. Plain account configuration (not event-sourced); users'
 * role assignments are events on the user, which checks them against this catalog ({@link RoleCatalog}).
 */
@Component
public class AccountRoles implements RoleCatalog {

    private final JdbcClient jdbc;

    public AccountRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Role(UUID id, String name, String description, boolean predefined) {
    }

    public List<Role> all(UUID accountId) {
        List<Role> roles = new ArrayList<>(predefined());
        roles.addAll(jdbc.sql("select id, name, description from account_roles where account_id = ? order by created_at, name")
                .param(accountId)
                .query((rs, n) -> new Role(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), false))
                .list());
        return roles;
    }

    @Override
    public Set<String> roleNames(UUID accountId) {
        Set<String> names = new HashSet<>(PREDEFINED);
        names.addAll(jdbc.sql("select name from account_roles where account_id = ?").param(accountId)
                .query(String.class).list());
        return names;
    }

    public static List<Role> predefined() {
        return PredefinedRoles.ALL.stream().map(r -> new Role(r.id(), r.name(), r.description(), true)).toList();
    }

    public Role add(UUID accountId, String name, String description) {
        if (PredefinedRoles.byName(name).isPresent()) {
            throw new UsersException(ErrorCode.CONFLICT, "role " + name + " already exists (predefined)");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into account_roles (account_id, name, description, id) values (?, ?, ?, ?)")
                    .params(accountId, name, description, id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new UsersException(ErrorCode.CONFLICT, "role " + name + " already exists");
        }
        return new Role(id, name, description, false);
    }

    /**
     * The names of the roles that {@code idsOrNames} denote in the account (each a role id or a role's name), read
     * from one look-up of the catalog; each one that denotes no role is passed to {@code unknown}.
     */
    public List<String> resolve(UUID accountId, List<String> idsOrNames, Consumer<String> unknown) {
        List<Role> catalog = all(accountId);
        List<String> names = new ArrayList<>();
        for (String idOrName : idsOrNames) {
            catalog.stream()
                    .filter(r -> r.id().toString().equalsIgnoreCase(idOrName) || r.name().equals(idOrName))
                    .map(Role::name)
                    .findFirst()
                    .ifPresentOrElse(names::add, () -> unknown.accept(idOrName));
        }
        return names;
    }
}
