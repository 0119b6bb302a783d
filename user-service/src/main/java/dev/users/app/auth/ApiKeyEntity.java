package dev.users.app.auth;

import dev.users.web.Caller.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code api_keys} (V2, V35): a key's hash, never the key, with its account, powers and life. */
@Entity
@Table(name = "api_keys")
class ApiKeyEntity implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "key_hash", nullable = false, unique = true)
    private String keyHash;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private Scope scope;

    @Column(nullable = false)
    private boolean operator;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKeyEntity() {
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

    ApiKeyEntity(UUID id, UUID accountId, String keyHash, String label, Scope scope, Instant expiresAt,
                 boolean operator) {
        this.id = id;
        this.accountId = accountId;
        this.keyHash = keyHash;
        this.label = label;
        this.scope = scope;
        this.expiresAt = expiresAt;
        this.operator = operator;
    }

    ApiKeys.Listed toListed() {
        return new ApiKeys.Listed(id, scope, label, operator, expiresAt, createdAt);
    }
}
