package dev.users.app.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code idempotency_keys} (V30), mapped for the administrative statements on the table (the sweep of
 * expired keys, and what erasure or an operator deletes). A request's own claim, look-up and answer are single
 * JDBC statements in {@link IdempotencyKeys}: they are on the path of every keyed POST and each must be visible to a
 * concurrent retry at once.
 */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyRecordEntity.Key.class)
class IdempotencyRecordEntity {

    @Id
    @Column(name = "api_key_id")
    private UUID apiKeyId;

    @Id
    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(nullable = false)
    private UUID claim;

    @Column(nullable = false)
    private byte[] fingerprint;

    @Column(name = "claimed_at", nullable = false)
    private Instant claimedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    private Integer status;

    @Column(name = "content_type")
    private String contentType;

    private String location;

    private String etag;

    private byte[] body;

    protected IdempotencyRecordEntity() {
    }

    /** The primary key: the API key and the client's idempotency key. */
    record Key(UUID apiKeyId, String idempotencyKey) implements Serializable {
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Integer status() {
        return status;
    }
}
