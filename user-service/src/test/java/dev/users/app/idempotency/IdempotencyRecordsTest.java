package dev.users.app.idempotency;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotency records' mapping reads what the request path's statements write; the sweep keeps live keys. */
class IdempotencyRecordsTest extends ApiTest {

    @Autowired
    IdempotencyRecordRepository records;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSweepDeletesExpiredKeysOnly() {
        UUID apiKey = UUID.randomUUID();
        insert(apiKey, "expired", "now() - interval '1 second'");
        insert(apiKey, "live", "now() + interval '1 hour'");

        assertThat(records.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(records.findById(new IdempotencyRecordEntity.Key(apiKey, "expired"))).isEmpty();
        IdempotencyRecordEntity live = records.findById(new IdempotencyRecordEntity.Key(apiKey, "live")).orElseThrow();
        assertThat(live.status()).isEqualTo(201);
        assertThat(live.expiresAt()).isAfter(Instant.now().plus(50, ChronoUnit.MINUTES));
    }

    private void insert(UUID apiKey, String key, String expiresAt) {
        jdbc.sql("INSERT INTO idempotency_keys (api_key_id, idempotency_key, claim, fingerprint, claimed_at, expires_at,"
                        + " status, content_type, body) VALUES (?, ?, ?, ?, now(), " + expiresAt + ", 201,"
                        + " 'application/json', ?)")
                .params(apiKey, key, UUID.randomUUID(), new byte[32], "{}".getBytes())
                .update();
    }
}
