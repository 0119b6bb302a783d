package dev.users.app.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code api_key_certificates} (V13): a client certificate registered to a key, by its fingerprint. Always
 * new when saved ({@link Persistable}): a second registration of a fingerprint is an insert that the primary key
 * refuses, never a merge over the first.
 */
@Entity
@Table(name = "api_key_certificates")
class ApiKeyCertificateEntity implements Persistable<String> {

    @Id
    private String fingerprint;

    @Column(name = "api_key_id", nullable = false)
    private UUID apiKeyId;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String issuer;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Generated
    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private Instant createdAt;

    protected ApiKeyCertificateEntity() {
    }

    ApiKeyCertificateEntity(String fingerprint, UUID apiKeyId, String subject, String issuer, Instant notAfter) {
        this.fingerprint = fingerprint;
        this.apiKeyId = apiKeyId;
        this.subject = subject;
        this.issuer = issuer;
        this.notAfter = notAfter;
    }

    @Override
    public String getId() {
        return fingerprint;
    }

    @Override
    public boolean isNew() {
        return createdAt == null;
    }

    ApiKeyCertificates.Registration toRegistration() {
        return new ApiKeyCertificates.Registration(fingerprint, apiKeyId, subject, issuer, notAfter, createdAt);
    }
}
