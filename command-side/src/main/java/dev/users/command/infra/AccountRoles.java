package dev.users.command.infra;

import dev.users.command.domain.RoleCatalog;
import dev.users.errors.ErrorCode;
import dev.users.errors.UsersException;
import dev.users.roles.PredefinedRoles;
import org.springframework.dao.DataIntegrityViolationException;
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
 * role assignments are events on the user, which checks them against this catalog ({@link RoleCatalog}). The
 * catalog's own endpoints (list, add) go through JPA ({@link AccountRoleEntity}); the checks and look-ups that every
 * user write with roles makes ({@link #roleNames}, {@link #resolve}) stay single JDBC statements.
 */
@Component
public class AccountRoles implements RoleCatalog {

    private final JdbcClient jdbc;
    private final AccountRoleRepository repository;

    AccountRoles(JdbcClient jdbc, AccountRoleRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    public record Role(UUID id, String name, String description, boolean predefined) {
    }

    /** The catalog as its endpoint lists it: the predefined roles, then the account's own by creation. */
    public List<Role> all(UUID accountId) {
        List<Role> roles = new ArrayList<>(predefined());
        repository.findByAccountIdOrderByCreatedAtAscNameAsc(accountId).forEach(role -> roles.add(role.toRole()));
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
        try {
            return repository.saveAndFlush(new AccountRoleEntity(accountId, name, description, UUID.randomUUID()))
                    .toRole();
        } catch (DataIntegrityViolationException e) {
            throw new UsersException(ErrorCode.CONFLICT, "role " + name + " already exists");
        }
    }

    /**
     * The names of the roles that {@code idsOrNames} denote in the account (each a role id or a role's name), read
     * from one look-up of the catalog; each one that denotes no role is passed to {@code unknown}.
     */
    public List<String> resolve(UUID accountId, List<String> idsOrNames, Consumer<String> unknown) {
        List<Role> catalog = new ArrayList<>(predefined());
        catalog.addAll(jdbc.sql("select id, name from account_roles where account_id = ? order by created_at, name").param(accountId)
                .query((rs, n) -> new Role(rs.getObject(1, UUID.class), rs.getString(2), "", false)).list());
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
