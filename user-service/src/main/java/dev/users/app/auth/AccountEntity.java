package dev.users.app.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code accounts} (V2): an account users and API keys belong to. */
@Entity
@Table(name = "accounts")
class AccountEntity implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "default_region", nullable = false)
    private String defaultRegion;

    /** The database's clock ({@code now()}), as for every other row: nodes' clocks need not agree. */
    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected AccountEntity() {
    }

    @Override
    public UUID getId() {
        return id;
    }

    /** New until stored (the database fills created_at in): saving it is an insert, without a select first. */
    @Override
    public boolean isNew() {
        return createdAt == null;
    }

    AccountEntity(UUID id, String name, String defaultRegion) {
        this.id = id;
        this.name = name;
        this.defaultRegion = defaultRegion;
    }

    Accounts.Account toAccount() {
        return new Accounts.Account(id, name, defaultRegion, createdAt);
    }
}
