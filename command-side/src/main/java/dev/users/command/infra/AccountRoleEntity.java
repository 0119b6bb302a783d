package dev.users.command.infra;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.springframework.data.domain.Persistable;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code account_roles} (V2, V4): a role an account added to its catalog. Keyed by (account, name), the
 * table's primary key, so that a second role of one name is an insert the key refuses ({@link Persistable}: always
 * an insert when new, never a merge over the first); {@code id} is what v3's {@code role_ids} name.
 */
@Entity
@Table(name = "account_roles")
@IdClass(AccountRoleEntity.Key.class)
class AccountRoleEntity implements Persistable<AccountRoleEntity.Key> {

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    @Id
    private String name;

    @Column(nullable = false, unique = true)
    private UUID id;

    @Column(nullable = false)
    private String description;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected AccountRoleEntity() {
    }

    AccountRoleEntity(UUID accountId, String name, String description, UUID id) {
        this.accountId = accountId;
        this.name = name;
        this.description = description;
        this.id = id;
    }

    /** The primary key: the account and the role's name. */
    record Key(UUID accountId, String name) implements Serializable {
    }

    @Override
    public Key getId() {
        return new Key(accountId, name);
    }

    @Override
    public boolean isNew() {
        return createdAt == null;
    }

    AccountRoles.Role toRole() {
        return new AccountRoles.Role(id, name, description, false);
    }
}
