package dev.users.app.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stored keys ({@code idempotency_keys}, V30), each statement on its own (auto-commit): a claim must be
 * visible to a concurrent retry at once, whatever the request's own transaction does later.
 */
final class IdempotencyKeys {

    /** A stored first answer. */
    record StoredAnswer(int status, String contentType, String location, String etag, byte[] body) {
    }

    /** What a key holds: who claimed it, for which request, and its answer once there is one. */
    record Held(byte[] fingerprint, StoredAnswer answer) {
    }

    private final JdbcClient jdbc;
    private final IdempotencyRecordRepository records;
    private final Duration ttl;
    private final Duration inFlightTimeout;
    private final Duration sweepEvery;
    private final Clock clock;
    private final AtomicLong lastSweep = new AtomicLong();

    IdempotencyKeys(JdbcClient jdbc, IdempotencyRecordRepository records, IdempotencySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.ttl = settings.ttl();
        this.inFlightTimeout = settings.inFlightTimeout();
        this.sweepEvery = settings.sweepInterval();
        this.clock = clock;
    }

    /**
     * Claims the key for this request: a new key, an expired one, or one whose request has been in flight longer
     * than {@code users.idempotency.in-flight-timeout} with the same fingerprint (its node died before answering).
     * True if this request now holds it.
     */
    boolean claim(UUID apiKeyId, String key, byte[] fingerprint, UUID claim) {
        sweepNowAndThen();
        return jdbc.sql("""
                        INSERT INTO idempotency_keys (api_key_id, idempotency_key, claim, fingerprint, claimed_at, expires_at)
                        VALUES (:apiKey, :key, :claim, :fingerprint, now(), now() + :ttl * interval '1 millisecond')
                        ON CONFLICT (api_key_id, idempotency_key) DO UPDATE
                           SET claim = EXCLUDED.claim, fingerprint = EXCLUDED.fingerprint,
                               claimed_at = EXCLUDED.claimed_at, expires_at = EXCLUDED.expires_at,
                               status = NULL, content_type = NULL, location = NULL, etag = NULL, body = NULL
                         WHERE idempotency_keys.expires_at < now()
                            OR (idempotency_keys.status IS NULL
                                AND idempotency_keys.fingerprint = EXCLUDED.fingerprint
                                AND idempotency_keys.claimed_at < now() - :inFlight * interval '1 millisecond')
                        RETURNING claim""")
                .param("apiKey", apiKeyId).param("key", key).param("claim", claim).param("fingerprint", fingerprint)
                .param("ttl", ttl.toMillis()).param("inFlight", inFlightTimeout.toMillis())
                .query(UUID.class).optional().isPresent();
    }

    Optional<Held> find(UUID apiKeyId, String key) {
        return jdbc.sql("""
                        SELECT fingerprint, status, content_type, location, etag, body FROM idempotency_keys
                         WHERE api_key_id = :apiKey AND idempotency_key = :key AND expires_at >= now()""")
                .param("apiKey", apiKeyId).param("key", key)
                .query((rs, n) -> {
                    int status = rs.getInt("status");
                    StoredAnswer answer = rs.wasNull() ? null : new StoredAnswer(status, rs.getString("content_type"),
                            rs.getString("location"), rs.getString("etag"), rs.getBytes("body"));
                    return new Held(rs.getBytes("fingerprint"), answer);
                })
                .optional();
    }

    void complete(UUID apiKeyId, String key, UUID claim, StoredAnswer answer) {
        jdbc.sql("""
                        UPDATE idempotency_keys SET status = :status, content_type = :type, location = :location,
                               etag = :etag, body = :body
                         WHERE api_key_id = :apiKey AND idempotency_key = :key AND claim = :claim""")
                .param("status", answer.status()).param("type", answer.contentType())
                .param("location", answer.location()).param("etag", answer.etag()).param("body", answer.body())
                .param("apiKey", apiKeyId).param("key", key).param("claim", claim)
                .update();
    }

    /** Gives the key up (the request failed in a way a retry should repeat): the next retry runs again. */
    void release(UUID apiKeyId, String key, UUID claim) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE api_key_id = :apiKey AND idempotency_key = :key AND claim = :claim")
                .param("apiKey", apiKeyId).param("key", key).param("claim", claim)
                .update();
    }

    /** Deletes expired keys, at most once per {@code users.idempotency.sweep-interval} on this node. */
    private void sweepNowAndThen() {
        long now = clock.millis();
        long last = lastSweep.get();
        if (now - last >= sweepEvery.toMillis() && lastSweep.compareAndSet(last, now)) {
            records.deleteExpired();
        }
    }
}
