package dev.users.app.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code users.idempotency.*}: how long a key's first answer is kept and replayed, after how long an unanswered
 * claim (its node died) may run again, and how often a node deletes expired keys.
 *
 * @param ttl             how long the first answer to a POST with an Idempotency-Key is kept and replayed
 * @param inFlightTimeout a key claimed this long ago and still unanswered may run again
 * @param sweepInterval   how often a node deletes expired keys
 */
@ConfigurationProperties("users.idempotency")
public record IdempotencySettings(@DefaultValue("24h") Duration ttl,
                                  @DefaultValue("1m") Duration inFlightTimeout,
                                  @DefaultValue("10m") Duration sweepInterval) {
}
